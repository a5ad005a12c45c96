from screening.services.runs import screening_run, screening_preview
from screening.services.watchlists import watchlist_import

__all__ = ["screening_preview", "screening_run", "watchlist_import"]
