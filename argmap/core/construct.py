"""Build pydantic models from data the JSON Schema has already accepted, without validating twice.

The schema is generated from the models, and jsonschema-rs checks every file against it, so on the
way in pydantic's own validation would only repeat that work: building its validators is the
largest part of argmap's start-up (the models are declared with `defer_build`, so nothing is built
until a model is validated). This walks the data once, turning nested objects into their models and
strings into enum members, and calls `model_construct`. Only data that passed the schema may come
here; tests check that the result equals `model_validate` on every map they have.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel

__all__ = ["LARGE", "build"]

M = TypeVar("M", bound=BaseModel)
_Convert = Callable[[Any], Any]


# Building pydantic's validators once costs about as much as constructing this many objects here;
# above it, validating in pydantic-core (Rust) is the faster way to the same models.
LARGE = 5_000


def build(model: type[M], data: dict[str, Any]) -> M:
    """An instance of model from schema-valid data (aliases as keys), defaults filled in."""
    if _size(data) > LARGE:
        return model.model_validate(data)
    return _builder(model)(data)  # type: ignore[no-any-return]


def _size(data: dict[str, Any]) -> int:
    """Roughly how many objects a document makes: the items of its top-level lists."""
    return sum(len(v) for v in data.values() if isinstance(v, list))


def _identity(value: Any) -> Any:
    return value


def _constant(value: Any) -> Callable[[], Any]:
    return lambda: value


@cache
def _builder(model: type[BaseModel]) -> _Convert:
    plan: list[tuple[str, str, _Convert, Callable[[], Any]]] = []
    for name, info in model.model_fields.items():
        # Defaults are filled in here: pydantic's model_construct inspects the signature of every
        # default factory on every call, which costs more than all the rest of building a map.
        if info.default_factory is not None:
            default: Callable[[], Any] = info.default_factory  # type: ignore[assignment]
        else:
            default = _constant(info.default)
        plan.append((name, info.alias or name, _converter(info.annotation), default))

    def make(data: dict[str, Any]) -> BaseModel:
        values: dict[str, Any] = {}
        given: set[str] = set()
        for name, key, convert, default in plan:
            if key in data:
                values[name] = convert(data[key])
                given.add(name)
            elif name in data:
                values[name] = convert(data[name])
                given.add(name)
            else:
                values[name] = default()
        return model.model_construct(_fields_set=given, **values)

    return make


def _converter(annotation: Any) -> _Convert:
    origin = typing.get_origin(annotation)
    if origin is typing.Union or origin is types.UnionType:
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        inner = _converter(options[0]) if len(options) == 1 else _identity
        if inner is _identity:
            return _identity
        return lambda value: None if value is None else inner(value)
    if origin is typing.Annotated:
        return _converter(typing.get_args(annotation)[0])
    if origin is list:
        (item,) = typing.get_args(annotation) or (Any,)
        convert = _converter(item)
        if convert is _identity:
            return list
        return lambda values: [convert(v) for v in values]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _builder(annotation)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return annotation
    return _identity
