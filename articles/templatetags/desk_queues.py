"""{% desk_queues %}: the user's work queues with counts, for the admin's index."""

from django import template
from django.urls import reverse

from articles.selectors.queues import desk_queues as queues_with_counts

register = template.Library()


@register.inclusion_tag("admin/articles/article/queues.html", takes_context=True)
def desk_queues(context: template.Context) -> dict:
    """Render the queues of the request's user (one query each), each linking to the
    article list filtered to it.
    """
    request = context.get("request")
    if request is None:
        return {"queues": []}
    changelist = reverse("admin:articles_article_changelist")
    return {
        "queues": [
            {"queue": queue, "url": f"{changelist}?queue={queue.key}"}
            for queue in queues_with_counts(user=request.user)
        ]
    }
