"""Paging for the API's small lists (partners, contact points, funding programmes); offers page like /angebote/."""

from rest_framework.pagination import PageNumberPagination

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class BoundedPagination(PageNumberPagination):
    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
