"""The coordinator queue and the case list cost a fixed number of queries, however many casussen."""

import pytest
from django.urls import reverse

from tests.helpers import staff_login

from .factories import AdvisorFactory, CasusFactory

pytestmark = pytest.mark.django_db


def _queries_for(client, django_assert_max_num_queries, url, limit):
    with django_assert_max_num_queries(limit):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("name", ["queue", "casus_list"])
def test_the_page_does_not_grow_queries_with_more_casussen(
    client, coordinator, themes, django_assert_max_num_queries, name
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    staff_login(client, coordinator)
    for _ in range(3):
        AdvisorFactory().themes.set(themes)
    url = reverse(f"cases:{name}")

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        return len(ctx.captured_queries)

    CasusFactory().themes.set(themes)
    few = count()
    for _ in range(8):
        CasusFactory().themes.set(themes)
    assert count() <= few
    _queries_for(client, django_assert_max_num_queries, url, 30)
