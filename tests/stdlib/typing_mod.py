import typing
from typing import (Any, Optional, Union, List, Dict, Tuple, Set, Callable, TypeVar, Generic,
                    Protocol, NamedTuple, TypedDict, cast, overload, TYPE_CHECKING, get_type_hints,
                    ClassVar, Literal, Iterable, Sequence, Mapping, get_origin, get_args, NewType)
print(List[int], Dict[str, List[int]], Tuple[int, ...], Tuple[()], Set[str], Optional[int])
print(Union[int, str], Union[int, None, str], Union[int], Union[int, Union[str, int]], Any)
print(Callable[[int, str], bool], Callable[..., int], ClassVar[int], Literal[1, "a"], Iterable[int], typing.Type[int])
T = TypeVar("T")
K = TypeVar("K", covariant=True)
print(T, K, List[T], Dict[str, T][int] if False else "", TYPE_CHECKING)
print(List, Dict, Optional, Union, Callable)
print(get_origin(List[int]) is list, get_args(Dict[str, int]), get_args(Callable[[int], str]), get_origin(Union[int, str]) is Union)
print(isinstance([], List), isinstance({}, Dict), issubclass(list, Sequence), isinstance(3, Iterable))
try:
    isinstance([], List[int])
except TypeError as e:
    print(e)
print(cast(int, "x"), Optional[int] == Union[int, None], Union[int, str] == Union[str, int])
class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item
    def get(self) -> T:
        return self.item
b = Box[int](5)
print(b.get(), Box[int], Box.__parameters__, Box.__mro__[-2:] if len(Box.__mro__) > 2 else Box.__mro__)
class Point(NamedTuple):
    x: int
    y: int = 0
p = Point(1, 2)
print(p, p.x, p[1], list(p), len(p), p == Point(1, 2), p._asdict(), p._replace(y=5), Point(3), Point._fields)
x, y = p
print(x, y)
class Movie(TypedDict):
    name: str
    year: int
m = Movie(name="Blade Runner", year=1982)
print(m, type(m).__name__, Movie.__annotations__, sorted(Movie.__required_keys__))
class Closer(Protocol):
    def close(self) -> None: ...
@typing.runtime_checkable
class Sized2(Protocol):
    def __len__(self) -> int: ...
@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x):
    return x
print(f(3))
class Annotated_:
    a: int
    b: "List[str]"
    c: Optional[int] = None
print(get_type_hints(Annotated_))
UserId = NewType("UserId", int)
print(UserId(5), UserId)
def g(x: List[int]) -> None: pass
v: Dict[str, int] = {}
print(__annotations__)
