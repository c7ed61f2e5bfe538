"""One declaration per route: method, path, who may call it, the body model that validates
the request and the model of the answer. The Flask rule, the role check, the validation and
the OpenAPI document all come from that record, so they cannot drift apart.

Order of checks on every call: authenticate (401), then the role (403), and only then read
and validate the body (400/413/422), so a caller who may not do something learns nothing
from validation and costs no parsing."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any, TypeVar

from flask import Blueprint, Response, current_app, g, jsonify, request
from pydantic import BaseModel

from httpshell import query
from httpshell.body import json_bytes
from shared.api import parse_body
from shared.errors import BadRequest, Forbidden

COMMIT_HOOK = "httpshell.on_commit"
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Caller:
    """Who is calling, as the app's authenticator found them. `role` is read fresh on every
    request; `name` identifies the token, staff member or store; `session` the credential."""

    role: str
    name: str
    session: str = ""


@dataclass(frozen=True)
class Query:
    """A documented query parameter and its JSON Schema (strings unless said otherwise)."""

    name: str
    schema: dict[str, Any] = field(default_factory=lambda: {"type": "string"})
    required: bool = False
    description: str = ""
    code: str = ""  # the error code of a refused value; `bad_<name>` unless said


@dataclass(frozen=True)
class Link:
    """An OpenAPI link from a route's success answer to another operation of the same app:
    `target` is that operation as "METHOD /path" (the registry's OpenAPI form), `parameters`
    maps its parameter names to runtime expressions (`$response.body#/id`,
    `$request.path.sku`). Stateful tools follow links to reach every operation."""

    name: str
    target: str
    parameters: dict[str, str]


@dataclass(frozen=True)
class Route:
    """What the app serves and documents for one operation."""

    method: str
    path: str  # OpenAPI form relative to the prefix: /products/{sku}
    summary: str
    roles: frozenset[str] | None  # None: anyone, no credentials
    body: type[BaseModel] | None
    response: type[BaseModel] | None
    is_list: bool
    status: int
    query: tuple[Query, ...]
    errors: tuple[int, ...]
    tag: str
    links: tuple[Link, ...] = ()
    params: dict[str, dict[str, Any]] = field(default_factory=dict)  # path parameter schemas
    description: str = ""
    media: tuple[str, ...] = ()  # other media types of the success answer (e.g. text/csv)

    @property
    def operation_id(self) -> str:
        return re.sub(r"\W+", "_", f"{self.method}_{self.path}").strip("_").lower()


Authenticate = Callable[[frozenset[str]], Caller]
QueryArg = Query | str


class Registry:
    """The routes of one app. `authenticate(roles)` finds the caller (or raises 401); the
    registry then refuses a role the route does not name (403) before the body is read."""

    def __init__(
        self,
        prefix: str,
        authenticate: Authenticate,
        params: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        self.prefix = prefix
        self.authenticate = authenticate
        self.params = params or {}  # the schema of each path parameter name, app-wide
        self.routes: list[Route] = []

    def find(self, target: str) -> Route:
        """The route "METHOD /path" names (a link's target)."""
        method, _, path = target.partition(" ")
        for route in self.routes:
            if route.method == method and route.path == path:
                return route
        raise KeyError(target)

    def route(
        self,
        bp: Blueprint,
        method: str,
        path: str,
        summary: str,
        *,
        roles: Iterable[str] | None,
        body: type[BaseModel] | None = None,
        response: type[BaseModel] | None = None,
        is_list: bool = False,
        status: int = 200,
        query: tuple[QueryArg, ...] = (),
        errors: tuple[int, ...] = (),
        writes: bool = False,
        links: tuple[Link, ...] = (),
        description: str = "",
        media: tuple[str, ...] = (),
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        """Register a view at prefix + `path` (Flask syntax `<sku>`) and document it. The view
        gets the parsed body as `body=` and may return a model, (model, status), a list page
        dict, or a Response. `writes`: call the app's commit hook after a 2xx answer.
        `links`: where its answer leads (OpenAPI links); `description`: what the summary
        cannot say (e.g. the 422s that depend on state or on rules no JSON Schema states)."""
        allowed = None if roles is None else frozenset(roles)
        openapi_path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", path)
        spec = Route(
            method=method,
            path=openapi_path,
            summary=summary,
            roles=allowed,
            body=body,
            response=response,
            is_list=is_list,
            status=status,
            query=tuple(Query(q) if isinstance(q, str) else q for q in query),
            errors=errors,
            tag=bp.name,
            links=links,
            params={
                name: self.params.get(name, {"type": "string", "minLength": 1})
                for name in re.findall(r"{(\w+)}", openapi_path)
            },
            description=description,
            media=media,
        )
        self.routes.append(spec)

        def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
            @wraps(view)
            def wrapper(*args: Any, **kwargs: Any) -> Any:
                if allowed is not None:
                    g.caller = self.authorise(allowed, summary)
                _check_query(spec)
                if body is not None:
                    kwargs["body"] = parse_body(body, json_bytes())
                answer = as_response(view(*args, **kwargs), status)
                if writes and answer.status_code < 300:
                    committed()
                return answer

            bp.add_url_rule(self.prefix + path, view.__name__, wrapper, methods=[method])
            return wrapper

        return decorate

    def authorise(self, allowed: frozenset[str], summary: str) -> Caller:
        """The caller, if their role is one of `allowed` (401 without credentials, 403 else)."""
        caller = self.authenticate(allowed)
        if caller.role not in allowed:
            raise Forbidden(
                "forbidden",
                f"the {caller.role} role may not do this: {summary[:1].lower()}{summary[1:]}",
            )
        return caller


def _check_query(spec: Route) -> None:
    """Each declared query parameter against its declared schema (400 `bad_<name>`); an
    empty optional one counts as absent, a missing required one is 400 `missing_<name>`."""
    for q in spec.query:
        raw = request.args.get(q.name)
        if raw is None or (raw == "" and not q.required):
            if q.required:
                raise BadRequest(f"missing_{q.name}", f"give ?{q.name}=")
            continue
        query.check(q.name, raw, q.schema, q.code)


def committed() -> None:
    """Tell the app a fact was written (the node's sync runner pushes within a second)."""
    current_app.extensions.get(COMMIT_HOOK, lambda: None)()


def caller() -> Caller:
    """The authenticated caller of this request."""
    found: Caller = g.caller
    return found


def as_response(answer: Any, status: int = 200) -> Response:
    """A view's answer as a Response: models are dumped in JSON mode; dicts are sent as they
    are; `(answer, status)` overrides the declared status (201 new vs 200 replay)."""
    if isinstance(answer, Response):
        return answer
    if isinstance(answer, tuple):
        answer, status = answer
        if isinstance(answer, Response):
            answer.status_code = status
            return answer
    payload = answer.model_dump(mode="json") if isinstance(answer, BaseModel) else answer
    response = jsonify(payload)
    response.status_code = status
    return response


def created(model: M, is_new: bool) -> tuple[M, int]:
    """201 for a new record, 200 for an identical retry of the same id."""
    return model, 201 if is_new else 200
