"""One flat, shared body block for every page type; templates in templates/kennisbank/blocks/."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "info-circle"
        template = "kennisbank/blocks/callout.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        icon="title",
        form_classname="title",
        template="kennisbank/blocks/heading.html",
    )
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"],
        template="kennisbank/blocks/paragraph.html",
    )
    callout = CalloutBlock(label=_("Callout"))
    image = ImageBlock(label=_("Image"), template="kennisbank/blocks/image.html")
