"""The staff account pages, all under /admin/ (newsroom/urls.py mounts them before the admin).

Three lists: django-two-factor-auth's views under its own namespace (its templates reverse
`two_factor:…`), the password reset under Django's names (its e-mail reverses
`password_reset_confirm`), and our own pages under `accounts:`.
"""

from django.urls import include, path

from . import views

# The sign-in replaces the admin's own at /admin/login/; the rest is under /admin/account/.
two_factor_patterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("account/two-factor/", views.ProfileView.as_view(), name="profile"),
    path("account/two-factor/setup/", views.SetupView.as_view(), name="setup"),
    path("account/two-factor/qrcode/", views.QRGeneratorView.as_view(), name="qr"),
    path(
        "account/two-factor/setup/complete/",
        views.SetupCompleteView.as_view(),
        name="setup_complete",
    ),
    path(
        "account/two-factor/recovery-codes/",
        views.BackupTokensView.as_view(),
        name="backup_tokens",
    ),
    path("account/two-factor/disable/", views.DisableView.as_view(), name="disable"),
    # The passkey scripts: files from our own origin, so the policy needs no inline script.
    path("account/two-factor/webauthn/", include("two_factor.plugins.webauthn.urls")),
]

password_patterns = [
    path("account/password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "account/password/reset/sent/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "account/password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "account/password/reset/done/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

app_name = "accounts"
urlpatterns = [
    path("account/sessions/", views.own_sessions, name="sessions"),
]
