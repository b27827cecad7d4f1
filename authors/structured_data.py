"""schema.org ProfilePage for an author page (written out by the `json_ld` filter)."""

from datelines import iso


def profile_page(author, request):
    url = request.build_absolute_uri(author.get_absolute_url())
    person = {"@type": "Person", "name": author.name, "url": url}
    if author.job_title:
        person["jobTitle"] = author.job_title
    if author.bio:
        person["description"] = author.bio
    if author.photo:
        person["image"] = request.build_absolute_uri(author.photo.url)
    return {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": url,
        "dateModified": iso(author.updated_at),
        "mainEntity": person,
    }
