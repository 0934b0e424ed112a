"""Pure text and checks for the campaign notebooks.

Everything here takes plain values (strings, numbers, dates, lists of dicts) and
returns text or a list of :class:`Check`; nothing reads files or builds widgets.
The forms in :mod:`infoint_nb.forms` are thin layers over these functions, and this
package mirrors them: one module per notebook step, over two shared modules.

- :mod:`~infoint_nb.planning.checks`: :class:`Check`, :func:`failed_checks`,
  :func:`worst_level`;
- :mod:`~infoint_nb.planning.text`: word and line counts, locales, dates, spelling,
  greetings;
- :mod:`~infoint_nb.planning.goals` (notebook 01): :func:`check_goals`,
  :func:`parse_places`, :func:`check_places`, :func:`rank_employers`,
  :func:`check_employers`;
- :mod:`~infoint_nb.planning.find` (02): :data:`SEARCH_CHANNELS`,
  :func:`count_contacts_by_channel`, :func:`check_search_plan`,
  :func:`compose_network_ask`, :func:`check_network_ask`, :func:`check_cite_permission`;
- :mod:`~infoint_nb.planning.reach_out` (03): :func:`compose_letter`,
  :func:`check_letter`, :func:`follow_up_due_date`, :func:`compose_phone_script`,
  :func:`phone_script_text`, :func:`check_meeting_length`;
- :mod:`~infoint_nb.planning.prepare` (05): :data:`QUESTION_BANK`,
  :func:`starter_questions`, :func:`plan_questions`, :func:`check_research`,
  :func:`compose_pitch`, :func:`pitch_seconds`, :func:`check_pitch`,
  :func:`check_answers`, :func:`guess_venue`, :func:`logistics_checklist`,
  :func:`compose_brief`, :func:`check_brief`;
- :mod:`~infoint_nb.planning.meeting` (06): :func:`time_budget`,
  :func:`compose_meeting_notes`;
- :mod:`~infoint_nb.planning.follow_up` (07): :func:`note_points`,
  :func:`thank_you_due_on`, :func:`compose_thank_you`, :func:`check_thank_you`,
  :func:`update_schedule`, :func:`compose_update`, :func:`compose_follow_up`,
  :func:`compose_linkedin_note`.

Every public name of every module is importable from here
(``from infoint_nb import planning as P; P.compose_letter``).
"""
from __future__ import annotations

from . import checks, find, follow_up, goals, meeting, prepare, reach_out, text
from .checks import *  # noqa: F401,F403
from .text import *  # noqa: F401,F403
from .goals import *  # noqa: F401,F403
from .find import *  # noqa: F401,F403
from .reach_out import *  # noqa: F401,F403
from .prepare import *  # noqa: F401,F403
from .meeting import *  # noqa: F401,F403
from .follow_up import *  # noqa: F401,F403
# private names that drafts.py and forms/follow_up.py use as P._LINE_END, P._day
from .text import _LINE_END, _day  # noqa: F401

__all__ = [*checks.__all__, *text.__all__, *goals.__all__, *find.__all__,
           *reach_out.__all__, *prepare.__all__, *meeting.__all__, *follow_up.__all__]
