"""Uploaded images, shared by articles (lead images), authors (photos) and the bench seed:
upload checks, metadata stripping, renditions, the fields that apply them, and media URLs."""
