"""Staff and organisation URLs of the schakelteam app (login, werkplek monitoring, open data)."""

app_name = "schakelteam"

urlpatterns: list = []
