"""Template tags of journeys: an entry's place in a journey (the "part of" box on entry pages)."""

from django import template

from .. import selectors

register = template.Library()


@register.simple_tag
def journey_position(entry):
    """The journey step an entry belongs to, with the steps before and after it, or None."""
    return selectors.entry_position(entry)
