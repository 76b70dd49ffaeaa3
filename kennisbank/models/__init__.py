from .best_practices import BestPracticeIndexPage, BestPracticePage
from .events import EventIndexPage, EventPage, EventRegistration
from .home import HomePage
from .news import NewsIndexPage, NewsPage
from .partners import PartnerIndexPage
from .questions import QuestionIndexPage, QuestionPage
from .regelingen import RegelingCriterion, RegelingIndexPage, RegelingPage
from .standard import StandardPage

__all__ = [
    "BestPracticeIndexPage",
    "BestPracticePage",
    "EventIndexPage",
    "EventPage",
    "EventRegistration",
    "HomePage",
    "NewsIndexPage",
    "NewsPage",
    "PartnerIndexPage",
    "QuestionIndexPage",
    "QuestionPage",
    "RegelingCriterion",
    "RegelingIndexPage",
    "RegelingPage",
    "StandardPage",
]
