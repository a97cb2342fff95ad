"""Devices are not edited in the admin: staff enrol themselves at sign-in and a superuser resets a lost
device with `manage.py reset_two_factor` (django-otp's own device admins are English-only)."""

from django.contrib import admin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
