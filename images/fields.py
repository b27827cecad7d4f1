"""Model and form fields for uploaded images: checked on upload, stored without metadata, and (for
lead images and author photos) with their renditions. Field types only: no model of any app is
imported here."""

import logging

from django import forms
from django.db import models, transaction
from django.utils.deconstruct import deconstructible
from PIL import Image

from .checks import validate_image, validate_square, without_metadata
from .renditions import LEAD, PORTRAIT, Kind, make_renditions, make_squares, rendition_names

logger = logging.getLogger(__name__)


@deconstructible
class ImageValidator:
    """Model-field validator: checks a newly assigned file; a stored one was checked on upload."""

    def __init__(self, *, min_width: int = 0, min_height: int = 0):
        self.min_width, self.min_height = min_width, min_height

    def __call__(self, value):
        if getattr(value, "_committed", False):
            return
        validate_image(value, min_width=self.min_width, min_height=self.min_height)

    def __eq__(self, other):
        return isinstance(other, ImageValidator) and vars(self) == vars(other)


class CheckedImageFormField(forms.ImageField):
    """An image upload checked by `validate_image` first, so people see its precise messages."""

    def __init__(self, *, min_width: int = 0, min_height: int = 0, **kwargs):
        self.min_width, self.min_height = min_width, min_height
        super().__init__(**kwargs)

    def to_python(self, data):
        if data not in self.empty_values and getattr(data, "size", 0):
            validate_image(data, min_width=self.min_width, min_height=self.min_height)
        return super().to_python(data)


class CheckedImageField(models.ImageField):
    """An ImageField whose uploads pass `validate_image`, in forms and in `full_clean()`."""

    def __init__(self, *args, min_width: int = 0, min_height: int = 0, **kwargs):
        self.min_width, self.min_height = min_width, min_height
        super().__init__(*args, **kwargs)

    @property
    def validators(self):
        return [
            *super().validators,
            ImageValidator(min_width=self.min_width, min_height=self.min_height),
        ]

    def pre_save(self, model_instance, add):
        upload = getattr(model_instance, self.attname)
        if upload and not upload._committed:
            # Readers get the original too: it must not tell them where it was taken.
            setattr(model_instance, self.attname, without_metadata(upload))
        return super().pre_save(model_instance, add)

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        # Every row loaded from the database comes through here (post_init): with its size
        # already stored, skip Django's check, which builds a FieldFile per row of a list.
        stored = instance.__dict__
        if not force and stored.get(self.width_field) and stored.get(self.height_field):
            return
        # Pillow refuses to read the size of a decompression bomb: leave it unknown and let
        # validation give the reason, rather than failing on assignment.
        try:
            super().update_dimension_fields(instance, force, *args, **kwargs)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            for dimension_field in (self.width_field, self.height_field):
                if dimension_field:
                    setattr(instance, dimension_field, None)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        limits = {"min_width": self.min_width, "min_height": self.min_height}
        return name, path, args, kwargs | limits

    def formfield(self, **kwargs):
        return super().formfield(
            **{
                "form_class": CheckedImageFormField,
                "min_width": self.min_width,
                "min_height": self.min_height,
                **kwargs,
            }
        )


def _delete_after_commit(storage, names):
    # After commit, so a rolled-back save never loses the files its row still names.
    def delete():
        for name in names:
            storage.delete(name)

    if names:
        transaction.on_commit(delete)


class RenditionsImageField(CheckedImageField):
    """An image whose renditions (of the field's `kind`, images.renditions) are written when a
    new one is saved, with its byte size if the model keeps it.

    Like `width_field`/`height_field`, the derived columns are kept in step with the image by
    the field itself, so every path that saves an image (admin, scripts, demo loader, a
    history restore) gets renditions, and none is made in a reader's request.
    """

    kind: Kind

    def __init__(self, *args, renditions_field=None, bytes_field=None, **kwargs):
        self.renditions_field, self.bytes_field = renditions_field, bytes_field
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return (
            name,
            path,
            args,
            kwargs
            | {
                "renditions_field": self.renditions_field,
                "bytes_field": self.bytes_field,
            },
        )

    def pre_save(self, model_instance, add):
        upload = getattr(model_instance, self.attname)
        fresh = bool(upload) and not upload._committed
        file = super().pre_save(model_instance, add)  # stores a new upload, without metadata
        old = getattr(model_instance, self.renditions_field) or {}
        if not file:
            self._record(model_instance, {}, None)
        elif fresh:
            made, size = make_renditions(name=file.name, storage=file.storage, kind=self.kind)
            self._record(model_instance, made, file.size, size)
        elif not self._renditions_present(file, old):
            self._remake(model_instance, file)
        unused = rendition_names(old) - rendition_names(
            getattr(model_instance, self.renditions_field)
        )
        if unused and self._shared(model_instance):
            unused = set()  # another row (a translation) still shows the same image
        _delete_after_commit(self.storage, unused)
        return file

    def _shared(self, model_instance):
        """Whether another row of the model uses the image this row had until now."""
        if model_instance.pk is None:
            return False
        manager = type(model_instance)._base_manager
        stored = manager.filter(pk=model_instance.pk).values_list(self.attname, flat=True).first()
        if not stored:
            return False
        return manager.filter(**{self.attname: stored}).exclude(pk=model_instance.pk).exists()

    def _renditions_present(self, file, renditions):
        names = sorted(rendition_names(renditions))
        return bool(names) and file.storage.exists(names[0])

    def _remake(self, model_instance, file):
        # An image restored from history, or saved before renditions existed.
        try:
            made, size = make_renditions(name=file.name, storage=file.storage, kind=self.kind)
        except (OSError, Image.DecompressionBombError, Image.DecompressionBombWarning):
            logger.warning("Cannot make renditions of %s; the original is shown.", file.name)
            kept = getattr(model_instance, self.bytes_field) if self.bytes_field else None
            self._record(model_instance, {}, kept)
            return
        self._record(model_instance, made, file.size, size)

    def _record(self, model_instance, made, byte_size, size=None):
        setattr(model_instance, self.renditions_field, made)
        if self.bytes_field:
            setattr(model_instance, self.bytes_field, byte_size)
        if size and self.width_field:  # upright, so width and height match what browsers show
            setattr(model_instance, self.width_field, size[0])
            setattr(model_instance, self.height_field, size[1])


class LeadImageField(RenditionsImageField):
    """The article's lead image: srcset widths and the 16:9, 4:3 and 1:1 crops."""

    kind = LEAD


class PortraitField(RenditionsImageField):
    """A person's photo: square WebP widths (images.renditions.PORTRAIT)."""

    kind = PORTRAIT


class SquareIconField(CheckedImageField):
    """A square image from which icons of fixed sizes are made when it is saved (the site's
    favicon and app icons); their storage names are kept in `squares_field`, like
    `LeadImageField`'s renditions, so every path that saves the image gets them."""

    def __init__(self, *args, sizes=(), squares_field=None, **kwargs):
        self.sizes, self.squares_field = tuple(sizes), squares_field
        super().__init__(*args, **kwargs)

    @property
    def validators(self):
        # Cut into squares, a wide or tall image would lose its sides.
        return [*super().validators, validate_square]

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, path, args, kwargs | {"sizes": self.sizes, "squares_field": self.squares_field}

    def pre_save(self, model_instance, add):
        upload = getattr(model_instance, self.attname)
        fresh = bool(upload) and not upload._committed
        file = super().pre_save(model_instance, add)
        old = getattr(model_instance, self.squares_field) or {}
        if not file:
            squares = {}
        elif fresh:
            squares = make_squares(name=file.name, storage=file.storage, sizes=self.sizes)
        else:
            return file
        setattr(model_instance, self.squares_field, squares)
        _delete_after_commit(self.storage, set(old.values()) - set(squares.values()))
        return file
