from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from certificates.permissions import role_required
from certificates.workflow import Role
from screening.models import Watchlist, WatchlistEntry


@role_required(Role.REVIEWER, Role.AUDITOR)
def watchlist_list(request: HttpRequest) -> HttpResponse:
    watchlists = Watchlist.objects.prefetch_related("versions").order_by("slug")
    return render(request, "screening/watchlists.html", {"watchlists": watchlists})


@role_required(Role.REVIEWER, Role.AUDITOR)
def watchlist_detail(request: HttpRequest, slug: str) -> HttpResponse:
    watchlist = Watchlist.objects.filter(slug=slug).first()
    if watchlist is None:
        raise Http404
    version = watchlist.current_version()
    entries = version.entries.all() if version else WatchlistEntry.objects.none()
    query = request.GET.get("q", "").strip()[:100]
    if query and version:
        entries = version.entries.filter(
            Q(name__icontains=query) | Q(aliases__icontains=query) | Q(entry_id__icontains=query)
        )
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "screening/watchlist_detail.html",
        {
            "watchlist": watchlist,
            "version": version,
            "page": page,
            "query": query,
            "querystring": f"q={query}",
        },
    )
