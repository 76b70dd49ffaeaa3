from .home import HomePage
from .regelingen import RegelingCriterion, RegelingIndexPage, RegelingPage

__all__ = ["HomePage", "RegelingCriterion", "RegelingIndexPage", "RegelingPage"]
