"""The HTTP shell both Flask apps stand on (the node's lane API and the cloud's API): one
declaration per route drives its URL rule, its authorisation, its body validation and its
OpenAPI entry; one JSON error handler; paging; request bodies with size caps. It may import
Flask; `shared/` may not, and `edge`/`cloud` never import each other, so this is where
their common web code lives."""
