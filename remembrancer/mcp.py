"""The Model Context Protocol face: tools an agent calls to remember the people it talks with.

`remembrancer mcp` serves them over stdio; `remembrancer serve` at /mcp (streamable HTTP). Each tool calls
one `Memory` method and answers in the JSON the CLI's `--json` prints (as text, and as structured content:
lists under "result"); a typed error is a tool error, `{"error", "remedy"}`. With `Memories(folder=...)`
every tool takes `user`, and each user's memory is a store of its own.
"""
from __future__ import annotations

import functools
import inspect
import json
from typing import Annotated, Any, Literal

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import CallToolResult, TextContent, ToolAnnotations
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import __version__
from .errors import BadInput, RemembrancerError
from .store import Memory
from .users import USER_HELP, Memories

INSTRUCTIONS = """\
remembrancer is a long-term memory of the people you talk with: everything said is kept word for word, dated,
and read for the people in it, how they relate to the user, and what is tied to each. No model of yours is
needed: ask it questions in plain words.
- As the conversation goes, call `remember` with each new message (speaker, text, time), and `me` = the user's
  speaker name, so that their "I" and "my mum" are read as the user's own. Sending a message twice is harmless.
- Before answering about the past, a person, or a date, call `ask` (a question) or `person` (a name); answer from
  the passages returned, and say when nothing was found.
- When the memory has something wrong that the user puts right, call `correct`.
Every result is JSON; an error says what went wrong and what to do."""

CLI_REMEDIES = {  # the library's remedies name CLI commands; here the same advice is a tool
    "`remembrancer people`": "the people tool",
    "`remembrancer person NAME`": "the person tool",
    "`remembrancer review --json`": "the fading tool",
}


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="forbid")
    speaker: str = Field(description="Who said it, by the name used in the conversation.", examples=["Sam"])
    text: str = Field(description="What they said, word for word.", examples=["My sister Ana moved to Lisbon."])
    at: str | None = Field(None, description="When it was said (ISO 8601), if known.", examples=["2026-03-14T09:30"])
    id: str | None = Field(None, description="Your own id for the message, if it has one.", examples=["msg-118"])


Limit = Annotated[int, Field(ge=1, le=100, description="How many at most.")]
Day = Annotated[str | None, Field(description="A date, like 2026-03-14 (default: today).")]


# -- the tools: each is (memory, arguments) -> the JSON the CLI prints ---------------------------------------
def remember(memory: Memory,
             messages: Annotated[list[ChatMessage] | None, Field(
                 description="Messages of a conversation, in order: they join the day's chat.")] = None,
             text: Annotated[str | None, Field(description="A text to keep as it is: a note, a journal entry, a letter.")] = None,
             me: Annotated[str | None, Field(description="The speaker who is the user (their 'I' is the user).")] = None,
             at: Annotated[str | None, Field(description="When (ISO 8601): of a text, or of messages without their own time"
                                                     " (default: now).")] = None,
             source: Annotated[str | None, Field(description="Where it came from: messages of one source make one chat a"
                                                         " day, apart from other sources'.")] = None) -> dict:
    """Keep what was said or written, word for word: messages of a conversation as it happens (each joins the
    day's chat; new ones are searchable at once, people and relations follow within seconds), or one text.
    A message sent again (a retry, or the whole conversation so far) is stored once.

    Example: {"messages": [{"speaker": "Sam", "text": "My sister Ana moved to Lisbon.", "at": "2026-03-14T09:30"},
    {"speaker": "assistant", "text": "Lisbon! When did she go?"}], "me": "Sam"}
    Example: {"text": "Sam's sister Ana is a nurse in Lisbon.", "at": "2026-03-14"}
    Returns for messages {"stored", "duplicates", "entries", "passages"}; for a text {"entry", "new", "passages", "words"}."""
    if (messages is None) == (text is None):
        raise BadInput("Give either messages or a text", 'Send {"messages": [{"speaker", "text"}]} or {"text": "..."}; nothing was stored.')
    if text is not None:
        if me is not None:
            raise BadInput("'me' names the user among the speakers of messages; a text has none",
                           "Leave out 'me' with a text; nothing was stored.")
        return memory.add(text, at=at, source=source)
    return memory.add_messages([m.model_dump(exclude_none=True) for m in messages], me=me, at=at, source=source)


def ask(memory: Memory, question: Annotated[str, Field(description="A question in plain words.")], limit: Limit = 10) -> dict:
    """Answer a question from memory: the passages that answer it, best first (words, meaning, people, times),
    with the people, times and facts it matched; "unknown" lists names in the question that nothing mentions.

    Example: {"question": "Where does Sam's sister live?"}
    Returns {"question", "passages": [{"passage", "entry", "ref", "at", "speaker", "text", "score"}], "people", "times",
    "facts", "unknown"}."""
    return memory.ask(question, limit=limit)


def recall(memory: Memory, cue: Annotated[str, Field(description="A word or phrase: a thing, a place, a feeling.")],
           limit: Limit = 10) -> dict:
    """Who and what a cue brings back, each with why (the path and the passages).

    Example: {"cue": "coffee"}
    Returns {"cue", "people": [{"name", "aliases", "score", "why", "evidence"}], "things", "passages"}."""
    return memory.recall(cue, limit=limit)


def person(memory: Memory, name: Annotated[str, Field(description="Any of the person's names, or 'me' for the user.")],
           now: Annotated[str | None, Field(description="The date the chance of recall is for (default: today).")] = None) -> dict:
    """Everything remembered about one person: names, relations (a relation with "is": true reads "NAME is the
    RELATION of OTHER"), cues, events, feelings, passages, and how likely the user is to recall them now.

    Example: {"name": "Ana"}"""
    return memory.person(name, now=now)


def people(memory: Memory) -> list:
    """Everyone the memory mentions, with their other names, mentions and first and last dates; "me" is the user.

    Example: {}
    Returns [{"id", "name", "aliases", "mentions", "first_at", "last_at"}]."""
    return memory.people()


def timeline(memory: Memory,
             start: Annotated[str | None, Field(description="From this date (inclusive).")] = None,
             end: Annotated[str | None, Field(description="Up to this date (exclusive).")] = None,
             person: Annotated[str | None, Field(description="Only what involves this person.")] = None,
             limit: Annotated[int, Field(ge=1, le=1000, description="At most this many, the earliest first.")] = 200) -> list:
    """What happened, in the order it happened (not the order it was told): entries and the events read in them.

    Example: {"start": "2026-01-01", "end": "2026-04-01", "person": "Ana"}
    Returns [{"at", "kind", "what", "passage", ...}]."""
    return memory.timeline(start, end, person, limit=limit)


def on_this_day(memory: Memory, date: Day = None) -> list:
    """What happened on this day of the year, in other years.

    Example: {"date": "2026-03-14"}
    Returns [{"at", "years_ago", "passage", "note"}]."""
    return memory.on_this_day(date)


def fading(memory: Memory, now: Annotated[str | None, Field(description="Act as if it were this date.")] = None,
           limit: Limit = 10) -> list:
    """What the user is about to forget, most worth bringing back first: worth mentioning to them.

    Example: {"limit": 5}
    Returns [{"item", "kind", "line", "recall", "score", "passage", ...}]."""
    return memory.fading(now=now, limit=limit)


# The corrections: kind -> (the Memory method, arguments it is always given, what it says, an example).
# A new correction is one line here naming its Memory method; it is offered when `Memory` has that method,
# and the agent gives the method's own arguments by name.
CORRECTIONS: dict[str, tuple[str, dict, str, dict]] = {
    "merge": ("merge_people", {}, "two names are one person", {"a": "Liz", "b": "Elizabeth Bennet"}),
    "split": ("split_person", {}, "one of a person's names is someone else", {"name": "Jack Harkness", "alias": "Jack"}),
    "hide": ("hide", {"hidden": True}, "never bring this person back (nothing is deleted)", {"name": "Steven"}),
    "unhide": ("hide", {"hidden": False}, "they may be brought back again", {"name": "Steven"}),
    "rename": ("rename", {}, "a person's name is another (the old one stays theirs)", {"name": "Grandma", "new": "Grandma Rose"}),
    "kind": ("set_kind", {}, "what a name is: person, pet, place, thing or other", {"name": "Biscuit", "kind": "pet"}),
    "relate": ("relate", {}, "a is the <relation> of b (\"me\": the user)", {"a": "Rhys", "relation": "husband", "b": "me"}),
    "unrelate": ("unrelate", {}, "a is not the <relation> of b", {"a": "Joan", "relation": "mother", "b": "me"}),
    "untrue": ("event_untrue", {}, "an event read about someone did not happen", {"name": "Carys", "kind": "death"}),
    "event_date": ("redate_event", {}, "when an event read about someone happened", {"name": "Nain", "kind": "death", "date": "2019-02-11"}),
    "born": ("set_birthday", {}, "the day (or month, or year) someone was born", {"name": "Elin", "date": "2021-06-14"}),
    "died": ("set_death", {}, "the day (or month, or year) someone died", {"name": "Nain", "date": "2019-02-11"}),
    "undo": ("undo", {}, "take a correction back (see the person's corrections)", {"correction_id": 3}),
    "edit": ("edit", {}, "an entry's text is this (the text before is kept)", {"entry_id": 12, "text": "The corrected words."}),
    "redate": ("redate", {}, "an entry happened then", {"entry_id": 12, "at": "2026-03-14"}),
    "delete": ("delete", {}, "move an entry to the trash", {"entry_id": 12}),
    "restore": ("restore", {}, "bring an entry back from the trash", {"entry_id": 12}),
}


def corrections() -> dict[str, tuple[str, dict, str, dict]]:
    """The corrections this remembrancer can make: those whose Memory method exists."""
    return {kind: c for kind, c in CORRECTIONS.items() if callable(getattr(Memory, c[0], None))}


def arguments_of(kind: str) -> list[str]:
    method, fixed, _, _ = CORRECTIONS[kind]
    return [p for p in list(inspect.signature(getattr(Memory, method)).parameters)[1:] if p not in fixed]


def correct(memory: Memory, kind: Annotated[str, Field(description="Which correction (see the kinds).")],
            args: Annotated[dict[str, Any], Field(description="Its arguments, by name (see the kinds).")]) -> Any:
    """Put right what the memory has wrong; the user is the authority, and a correction is kept when the memory
    is read again. `kind` says which correction; `args` are its arguments by name."""
    offered = corrections()
    if kind not in offered:
        raise BadInput(f"Unknown correction {kind!r}", f"Use one of: {', '.join(offered)}; nothing was changed.")
    method, fixed, _, example = offered[kind]
    names = arguments_of(kind)
    try:
        inspect.signature(getattr(memory, method)).bind(**args, **fixed)
    except TypeError:
        raise BadInput(f"correct {kind} takes {', '.join(names)}, not {', '.join(sorted(args)) or 'nothing'}",
                       f'Send {{"kind": "{kind}", "args": {json.dumps(example)}}}; nothing was changed.') from None
    return getattr(memory, method)(**args, **fixed)


def _correct_doc() -> str:
    lines = [inspect.cleandoc(correct.__doc__), "", "Kinds:"]
    for kind, (_, _, says, example) in corrections().items():
        lines.append(f"- {kind} ({', '.join(arguments_of(kind))}): {says}. Example: "
                     f'{{"kind": "{kind}", "args": {json.dumps(example)}}}')
    return "\n".join(lines)


READING = ToolAnnotations(read_only_hint=True, open_world_hint=False)
TOOLS = [  # (function, annotations, writes)
    (remember, ToolAnnotations(read_only_hint=False, destructive_hint=False, idempotent_hint=True, open_world_hint=False), True),
    (ask, READING, False),
    (recall, READING, False),
    (person, READING, False),
    (people, READING, False),
    (timeline, READING, False),
    (on_this_day, READING, False),
    (fading, READING, False),
    (correct, ToolAnnotations(read_only_hint=False, destructive_hint=False, idempotent_hint=True, open_world_hint=False), True),
]


# -- the server -----------------------------------------------------------------------------------------------
class Server(MCPServer):
    """MCPServer whose argument errors are one line naming each bad argument, with the remedy."""

    async def call_tool(self, name, arguments, context=None):
        tool = self._tool_manager.get_tool(name)
        if tool is not None:
            unknown = sorted(set(arguments or {}) - set(tool.parameters.get("properties", {})))
            if unknown:
                return error_result(f"{name} has no argument {', '.join(map(repr, unknown))}"
                                    f" (its arguments: {', '.join(tool.parameters.get('properties', {}))})",
                                    f"See the {name} tool's example; nothing was stored.")
        try:
            return await super().call_tool(name, arguments, context)
        except ToolError as e:
            if isinstance(e.__cause__, ValidationError):
                bad = "; ".join(f"{'.'.join(str(x) for x in err['loc']) or 'arguments'}: {err['msg']}"
                                for err in e.__cause__.errors())
                return error_result(f"Bad arguments for {name}: {bad}", f"See the {name} tool's example; nothing was stored.")
            raise


def error_result(error: str, remedy: str) -> CallToolResult:
    for cli, tool in CLI_REMEDIES.items():
        remedy = remedy.replace(cli, tool)
    text = f"Error: {error}. {remedy}" if remedy else f"Error: {error}"
    return CallToolResult(content=[TextContent(type="text", text=text)], structured_content={"error": error, "remedy": remedy},
                          is_error=True)


def result(value) -> CallToolResult:
    return CallToolResult(content=[TextContent(type="text", text=json.dumps(value, ensure_ascii=False))],
                          structured_content=value if isinstance(value, dict) else {"result": value})


def _tool(fn, memories: Memories, writes: bool):
    """A tool calling `fn` on the memory of the user it names (with `Memories(folder=...)`), or the one memory."""
    signature = inspect.signature(fn, eval_str=True)
    params = list(signature.parameters.values())[1:]
    if memories.per_user:
        user = inspect.Parameter("user", inspect.Parameter.KEYWORD_ONLY, annotation=Annotated[str, Field(
            description=f"Whose memory: the person you are talking with, as your app knows them: {USER_HELP}."
                        " Each user's memory is theirs alone.", examples=["sam"])])
        params = [user] + [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in params]

    @functools.wraps(fn)
    def call(**kwargs):
        who = kwargs.pop("user", None)
        try:
            value = fn(memories.get(who), **kwargs)
        except RemembrancerError as e:
            return error_result(str(e), e.remedy)
        except UnicodeEncodeError:
            return error_result("An argument holds text that is not valid Unicode (a lone surrogate)",
                                "Send UTF-8 text; nothing was changed.")
        if writes:
            memories.stored(who)
        return result(value)

    call.__signature__ = signature.replace(parameters=params, return_annotation=inspect.Signature.empty)
    del call.__wrapped__  # the schema is the signature above, not fn's
    return call


def create_server(memories: Memories) -> Server:
    """The MCP server over these memories (one store, or one per user)."""
    server = Server("remembrancer", title="remembrancer", version=__version__, instructions=INSTRUCTIONS,
                    description="A long-term memory of the people you talk with, kept word for word, offline.",
                    log_level="WARNING")
    for fn, hints, writes in TOOLS:
        doc = inspect.cleandoc(_correct_doc() if fn is correct else fn.__doc__)
        tool = _tool(fn, memories, writes)
        if fn is correct:  # the schema lists the kinds offered
            kind = Annotated[Literal[tuple(corrections())], Field(description="Which correction (see the kinds).")]
            tool.__signature__ = tool.__signature__.replace(parameters=[
                p.replace(annotation=kind) if p.name == "kind" else p for p in tool.__signature__.parameters.values()])
        server.add_tool(tool, name=fn.__name__, description=doc, annotations=hints, structured_output=False)
    return server


def run_stdio(memories: Memories):
    """Serve the tools on standard input and output until the client closes them (the one memory warmed meanwhile, in
    the background, a user's the first time a tool names them: `Memories(warm=)`)."""
    try:
        if not memories.per_user:
            memories.warm_up()
        create_server(memories).run("stdio")
    finally:
        memories.close()
