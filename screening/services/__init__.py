from screening.services.runs import screening_preview, screening_run
from screening.services.watchlists import watchlist_import

__all__ = ["screening_preview", "screening_run", "watchlist_import"]
