from django import template

from feedback.guard import sign_page

register = template.Library()


@register.inclusion_tag("feedback/includes/form.html", takes_context=True)
def feedback_form(context):
    """ "Was this page useful?" for the page being rendered: its address and the site's signature of it,
    the same for every reader, so the page can be cached with the form in it."""
    path = context["request"].path
    return {"page": path, "sig": sign_page(path)}
