"""The open data API under /api/v1/: each app's router mounted on one NinjaAPI."""

from buurtwijs.accounts.api import router as accounts_router
from buurtwijs.calls.api_analysis import router as analysis_router
from buurtwijs.core.api import OpenDataAPI
from buurtwijs.core.api import router as core_router
from buurtwijs.directory.api import router as directory_router
from buurtwijs.knowledge.api_cases import router as cases_router
from buurtwijs.knowledge.api_documents import router as documents_router
from buurtwijs.matching.api import router as matching_router
from buurtwijs.search.api import router as search_router

api = OpenDataAPI(
    title="Buurtwijs open data",
    version="1",
    description="Public, read-only data of the Buurtwijs network: municipalities, "
    "themes, published initiatives and public profiles, and theme scores for "
    "learning questions (POST /analysis/themes). Responses are cached for "
    "five minutes. Invalid parameters answer 422 naming the parameter; unknown "
    "filter values give an empty result.",
    urls_namespace="api",
    # The default docs page loads Swagger UI from a CDN; no third-party scripts.
    docs_url=None,
)
api.add_router("/", core_router)
api.add_router("/", directory_router)
api.add_router("/", accounts_router)
api.add_router("/", documents_router)
api.add_router("/", cases_router)
api.add_router("/", search_router)
api.add_router("/", analysis_router)
api.add_router("/", matching_router)
