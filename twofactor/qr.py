"""The enrolment QR code as inline SVG, made on the server (no script, no third-party service), dark on
its own white ground so that it scans in the admin's dark theme too."""

import qrcode
import qrcode.image.svg


def svg(data: str) -> str:
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathFillImage, border=4)
    return image.to_string(encoding="unicode")
