"""The editors' import page in /beheer/: upload a spreadsheet, read the report."""

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied

from buurtwijs.directory.importing.readers import MAX_UPLOAD_BYTES
from buurtwijs.directory.importing.rows import COLUMNS, INITIATIVES, PEOPLE
from buurtwijs.directory.importing.services import directory_import
from buurtwijs.directory.importing.templates import (
    CSV_CONTENT_TYPE,
    XLSX_CONTENT_TYPE,
    template_csv,
    template_xlsx,
)

# Importing writes initiatives or profiles, so it takes the right to add them.
PERMISSIONS = {INITIATIVES: "directory.add_initiative", PEOPLE: "accounts.add_profile"}


def can_import(request: HttpRequest) -> bool:
    """Whether the signed-in person may import at least one kind."""
    return any(request.user.has_perm(perm) for perm in PERMISSIONS.values())


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What to import"),
        choices=[(INITIATIVES, _("Initiatives")), (PEOPLE, _("People"))],
        widget=forms.RadioSelect,
        initial=INITIATIVES,
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_("A CSV or Excel (.xlsx) file of at most %(size)s MB.")
        % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)},
    )
    atomic = forms.BooleanField(
        label=_("All or nothing"),
        required=False,
        help_text=_("Store nothing when any row is rejected."),
    )
    dry_run = forms.BooleanField(
        label=_("Check only"),
        required=False,
        help_text=_("Check every row and show the report, but store nothing."),
    )

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB; split it into smaller files.")
                % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        return upload


def import_view(request: HttpRequest) -> HttpResponse:
    if not can_import(request):
        return permission_denied(request)
    report = None
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            kind = form.cleaned_data["kind"]
            if not request.user.has_perm(PERMISSIONS[kind]):
                return permission_denied(request)
            report = directory_import(
                kind=kind,
                file=form.cleaned_data["file"],
                atomic=form.cleaned_data["atomic"],
                dry_run=form.cleaned_data["dry_run"],
            )
    else:
        form = ImportForm()
    return render(
        request,
        "directory/admin/import.html",
        {
            "form": form,
            "report": report,
            "kinds": [
                (INITIATIVES, _("Initiatives"), ", ".join(COLUMNS[INITIATIVES])),
                (PEOPLE, _("People"), ", ".join(COLUMNS[PEOPLE])),
            ],
        },
    )


def template_view(request: HttpRequest, kind: str, extension: str) -> HttpResponse:
    if kind not in PERMISSIONS or extension not in ("csv", "xlsx"):
        raise Http404
    if not can_import(request):
        return permission_denied(request)
    if extension == "csv":
        response = HttpResponse(template_csv(kind), content_type=CSV_CONTENT_TYPE)
    else:
        response = HttpResponse(template_xlsx(kind), content_type=XLSX_CONTENT_TYPE)
    filename = f"buurtwijs-{kind}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
