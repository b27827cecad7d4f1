from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from brand.site import advertising_email
from newsroom.addresses import client_address

from .forms import EnquiryForm
from .services import EnquiryRefused, enquiry_submit


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def enquiry(request):
    """The public advertising enquiry form."""
    status = 200
    if request.method == "POST":
        form = EnquiryForm(request.POST)
        if form.is_valid():
            try:
                enquiry_submit(form=form, address=client_address(request))
            except EnquiryRefused:
                # One message for every check, so a spammer learns nothing from it.
                form.add_error(
                    None,
                    _(
                        "Sorry, we could not accept your enquiry just now. Please try again "
                        "later, or e-mail us at %(email)s."
                    )
                    % {"email": advertising_email()},
                )
            else:
                return redirect("advertising:thanks")
        status = 400
    else:
        form = EnquiryForm()
    context = {"form": form, "retention_days": settings.ENQUIRY_RETENTION_DAYS}
    return render(request, "advertising/enquiry_form.html", context, status=status)


@never_cache
def thanks(request):
    return render(request, "advertising/enquiry_thanks.html")
