"""Each element class's ``__init__``, as plain source: written by
``python -m plivoxml_plus.elements._generate`` from the classes (see _init_source.py).
Do not edit; tests/test_generated_code.py checks that it is up to date."""

# fmt: off
# ruff: noqa
# mypy: ignore-errors
from ._checks import Refused as _Refused
from ._init_support import _NOT_GIVEN, _REQUIRED

_type = type
_str = str
_int = int


def _ssml_Break(_cls):
    _specs = _cls.specs
    _admit_strength = _specs['strength'].check.admit
    _c0 = _specs['strength'].check.known()
    _admit_time = _specs['time'].check.admit
    _c1 = _specs['time'].check.known()

    def __init__(self, strength=None, time=None, _by_position=_NOT_GIVEN, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if strength is not None:
            if _type(strength) is _str and strength in _c0:
                _store['strength'] = _wire['strength'] = strength
            else:
                try:
                    _store['strength'], _wire['strength'] = _admit_strength(strength)
                except _Refused as _why:
                    raise _cls._refused('strength', strength, _why) from None
        if time is not None:
            if _type(time) is _str and time in _c1:
                _store['time'] = _wire['time'] = time
            else:
                try:
                    _store['time'], _wire['time'] = _admit_time(time)
                except _Refused as _why:
                    raise _cls._refused('time', time, _why) from None
                _store.setdefault('_fresh', {})['time'] = None
        _store['_wire'] = _wire

    return __init__


def _ssml_Phoneme(_cls):
    _specs = _cls.specs
    _admit_content = _specs['content'].check.admit
    _c0 = _specs['content'].check.known()
    _admit_alphabet = _specs['alphabet'].check.admit
    _c1 = _specs['alphabet'].check.known()
    _admit_ph = _specs['ph'].check.admit
    _c2 = _specs['ph'].check.known()

    def __init__(self, content=_REQUIRED, alphabet=None, ph=None, _by_position=_NOT_GIVEN, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if content is _REQUIRED or content is None:
            raise _cls._refuse('content', None, 'is required')
        if _type(content) is _str and content in _c0:
            _store['content'] = content
        else:
            try:
                _store['content'], _ = _admit_content(content)
            except _Refused as _why:
                raise _cls._refused('content', content, _why) from None
        if alphabet is not None:
            if _type(alphabet) is _str and alphabet in _c1:
                _store['alphabet'] = _wire['alphabet'] = alphabet
            else:
                try:
                    _store['alphabet'], _wire['alphabet'] = _admit_alphabet(alphabet)
                except _Refused as _why:
                    raise _cls._refused('alphabet', alphabet, _why) from None
        if ph is not None:
            if _type(ph) is _str and ph in _c2:
                _store['ph'] = _wire['ph'] = ph
            else:
                try:
                    _store['ph'], _wire['ph'] = _admit_ph(ph)
                except _Refused as _why:
                    raise _cls._refused('ph', ph, _why) from None
                _store.setdefault('_fresh', {})['ph'] = None
        _store['_wire'] = _wire

    return __init__


def _ssml_SayAs(_cls):
    _specs = _cls.specs
    _admit_content = _specs['content'].check.admit
    _c0 = _specs['content'].check.known()
    _admit_interpret_as = _specs['interpret_as'].check.admit
    _c1 = _specs['interpret_as'].check.known()
    _admit_format = _specs['format'].check.admit
    _c2 = _specs['format'].check.known()

    def __init__(self, content=_REQUIRED, interpret_as=None, format=None, _by_position=_NOT_GIVEN, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if content is _REQUIRED or content is None:
            raise _cls._refuse('content', None, 'is required')
        if _type(content) is _str and content in _c0:
            _store['content'] = content
        else:
            try:
                _store['content'], _ = _admit_content(content)
            except _Refused as _why:
                raise _cls._refused('content', content, _why) from None
        if interpret_as is not None:
            if _type(interpret_as) is _str and interpret_as in _c1:
                _store['interpret_as'] = _wire['interpret-as'] = interpret_as
            else:
                try:
                    _store['interpret_as'], _wire['interpret-as'] = _admit_interpret_as(interpret_as)
                except _Refused as _why:
                    raise _cls._refused('interpret_as', interpret_as, _why) from None
        if format is not None:
            if _type(format) is _str and format in _c2:
                _store['format'] = _wire['format'] = format
            else:
                try:
                    _store['format'], _wire['format'] = _admit_format(format)
                except _Refused as _why:
                    raise _cls._refused('format', format, _why) from None
        _store['_wire'] = _wire

    return __init__


def _ssml_Sub(_cls):
    _specs = _cls.specs
    _admit_content = _specs['content'].check.admit
    _c0 = _specs['content'].check.known()
    _admit_alias = _specs['alias'].check.admit
    _c1 = _specs['alias'].check.known()

    def __init__(self, content=_REQUIRED, alias=None, _by_position=_NOT_GIVEN, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if content is _REQUIRED or content is None:
            raise _cls._refuse('content', None, 'is required')
        if _type(content) is _str and content in _c0:
            _store['content'] = content
        else:
            try:
                _store['content'], _ = _admit_content(content)
            except _Refused as _why:
                raise _cls._refused('content', content, _why) from None
        if alias is not None:
            if _type(alias) is _str and alias in _c1:
                _store['alias'] = _wire['alias'] = alias
            else:
                try:
                    _store['alias'], _wire['alias'] = _admit_alias(alias)
                except _Refused as _why:
                    raise _cls._refused('alias', alias, _why) from None
                _store.setdefault('_fresh', {})['alias'] = None
        _store['_wire'] = _wire

    return __init__


def _ssml_Text(_cls):
    _specs = _cls.specs
    _admit_content = _specs['content'].check.admit
    _c0 = _specs['content'].check.known()

    def __init__(self, content=_REQUIRED, _by_position=_NOT_GIVEN, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if content is _REQUIRED or content is None:
            raise _cls._refuse('content', None, 'is required')
        if _type(content) is _str and content in _c0:
            _store['content'] = content
        else:
            try:
                _store['content'], _ = _admit_content(content)
            except _Refused as _why:
                raise _cls._refused('content', content, _why) from None
        _store['_wire'] = _wire

    return __init__


def _ssml_W(_cls):
    _specs = _cls.specs
    _admit_content = _specs['content'].check.admit
    _c0 = _specs['content'].check.known()
    _admit_role = _specs['role'].check.admit
    _c1 = _specs['role'].check.known()

    def __init__(self, content=None, role=None, _by_position=_NOT_GIVEN, children=None, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if content is not None:
            if _type(content) is _str and content in _c0:
                _store['content'] = content
            else:
                try:
                    _store['content'], _ = _admit_content(content)
                except _Refused as _why:
                    raise _cls._refused('content', content, _why) from None
        if role is not None:
            if _type(role) is _str and role in _c1:
                _store['role'] = _wire['role'] = role
            else:
                try:
                    _store['role'], _wire['role'] = _admit_role(role)
                except _Refused as _why:
                    raise _cls._refused('role', role, _why) from None
                _store.setdefault('_fresh', {})['role'] = None
        _store['_wire'] = _wire
        _store['children'] = []
        if children is not None:
            self._set_children(children)

    return __init__


def _ssml_Emphasis(_cls):
    _specs = _cls.specs
    _admit_content = _specs['content'].check.admit
    _c0 = _specs['content'].check.known()
    _admit_level = _specs['level'].check.admit
    _c1 = _specs['level'].check.known()

    def __init__(self, content=None, level=None, _by_position=_NOT_GIVEN, children=None, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if content is not None:
            if _type(content) is _str and content in _c0:
                _store['content'] = content
            else:
                try:
                    _store['content'], _ = _admit_content(content)
                except _Refused as _why:
                    raise _cls._refused('content', content, _why) from None
        if level is not None:
            if _type(level) is _str and level in _c1:
                _store['level'] = _wire['level'] = level
            else:
                try:
                    _store['level'], _wire['level'] = _admit_level(level)
                except _Refused as _why:
                    raise _cls._refused('level', level, _why) from None
        _store['_wire'] = _wire
        _store['children'] = []
        if children is not None:
            self._set_children(children)

    return __init__


def _ssml_Prosody(_cls):
    _specs = _cls.specs
    _admit_content = _specs['content'].check.admit
    _c0 = _specs['content'].check.known()
    _admit_volume = _specs['volume'].check.admit
    _c1 = _specs['volume'].check.known()
    _admit_rate = _specs['rate'].check.admit
    _c2 = _specs['rate'].check.known()
    _admit_pitch = _specs['pitch'].check.admit
    _c3 = _specs['pitch'].check.known()

    def __init__(self, content=None, volume=None, rate=None, pitch=None, _by_position=_NOT_GIVEN, children=None, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if content is not None:
            if _type(content) is _str and content in _c0:
                _store['content'] = content
            else:
                try:
                    _store['content'], _ = _admit_content(content)
                except _Refused as _why:
                    raise _cls._refused('content', content, _why) from None
        if volume is not None:
            if _type(volume) is _str and volume in _c1:
                _store['volume'] = _wire['volume'] = volume
            else:
                try:
                    _store['volume'], _wire['volume'] = _admit_volume(volume)
                except _Refused as _why:
                    raise _cls._refused('volume', volume, _why) from None
                _store.setdefault('_fresh', {})['volume'] = None
        if rate is not None:
            if _type(rate) is _str and rate in _c2:
                _store['rate'] = _wire['rate'] = rate
            else:
                try:
                    _store['rate'], _wire['rate'] = _admit_rate(rate)
                except _Refused as _why:
                    raise _cls._refused('rate', rate, _why) from None
                _store.setdefault('_fresh', {})['rate'] = None
        if pitch is not None:
            if _type(pitch) is _str and pitch in _c3:
                _store['pitch'] = _wire['pitch'] = pitch
            else:
                try:
                    _store['pitch'], _wire['pitch'] = _admit_pitch(pitch)
                except _Refused as _why:
                    raise _cls._refused('pitch', pitch, _why) from None
                _store.setdefault('_fresh', {})['pitch'] = None
        _store['_wire'] = _wire
        _store['children'] = []
        if children is not None:
            self._set_children(children)

    return __init__


def _ssml_S(_cls):
    _specs = _cls.specs
    _admit_content = _specs['content'].check.admit
    _c0 = _specs['content'].check.known()

    def __init__(self, content=None, _by_position=_NOT_GIVEN, children=None, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if content is not None:
            if _type(content) is _str and content in _c0:
                _store['content'] = content
            else:
                try:
                    _store['content'], _ = _admit_content(content)
                except _Refused as _why:
                    raise _cls._refused('content', content, _why) from None
        _store['_wire'] = _wire
        _store['children'] = []
        if children is not None:
            self._set_children(children)

    return __init__


def _ssml_P(_cls):
    _specs = _cls.specs
    _admit_content = _specs['content'].check.admit
    _c0 = _specs['content'].check.known()

    def __init__(self, content=None, _by_position=_NOT_GIVEN, children=None, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if content is not None:
            if _type(content) is _str and content in _c0:
                _store['content'] = content
            else:
                try:
                    _store['content'], _ = _admit_content(content)
                except _Refused as _why:
                    raise _cls._refused('content', content, _why) from None
        _store['_wire'] = _wire
        _store['children'] = []
        if children is not None:
            self._set_children(children)

    return __init__


def _ssml_Lang(_cls):
    _specs = _cls.specs
    _admit_content = _specs['content'].check.admit
    _c0 = _specs['content'].check.known()
    _admit_xmllang = _specs['xmllang'].check.admit
    _c1 = _specs['xmllang'].check.known()

    def __init__(self, content=None, xmllang=None, _by_position=_NOT_GIVEN, children=None, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if content is not None:
            if _type(content) is _str and content in _c0:
                _store['content'] = content
            else:
                try:
                    _store['content'], _ = _admit_content(content)
                except _Refused as _why:
                    raise _cls._refused('content', content, _why) from None
        if xmllang is not None:
            if _type(xmllang) is _str and xmllang in _c1:
                _store['xmllang'] = _wire['{http://www.w3.org/XML/1998/namespace}lang'] = xmllang
            else:
                try:
                    _store['xmllang'], _wire['{http://www.w3.org/XML/1998/namespace}lang'] = _admit_xmllang(xmllang)
                except _Refused as _why:
                    raise _cls._refused('xmllang', xmllang, _why) from None
                _store.setdefault('_fresh', {})['{http://www.w3.org/XML/1998/namespace}lang'] = None
        _store['_wire'] = _wire
        _store['children'] = []
        if children is not None:
            self._set_children(children)

    return __init__


def _ssml_Cont(_cls):
    _specs = _cls.specs
    _admit_content = _specs['content'].check.admit
    _c0 = _specs['content'].check.known()

    def __init__(self, content=_REQUIRED, _by_position=_NOT_GIVEN, children=None, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if content is _REQUIRED or content is None:
            raise _cls._refuse('content', None, 'is required')
        if _type(content) is _str and content in _c0:
            _store['content'] = content
        else:
            try:
                _store['content'], _ = _admit_content(content)
            except _Refused as _why:
                raise _cls._refused('content', content, _why) from None
        _store['_wire'] = _wire
        _store['children'] = []
        if children is not None:
            self._set_children(children)

    return __init__


def _companions_Play(_cls):
    _specs = _cls.specs
    _admit_content = _specs['content'].check.admit
    _c0 = _specs['content'].check.known()
    _admit_loop = _specs['loop'].check.admit

    def __init__(self, content=_REQUIRED, loop=None, _by_position=_NOT_GIVEN, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if content is _REQUIRED or content is None:
            raise _cls._refuse('content', None, 'is required')
        if _type(content) is _str and content in _c0:
            _store['content'] = content
        else:
            try:
                _store['content'], _ = _admit_content(content)
            except _Refused as _why:
                raise _cls._refused('content', content, _why) from None
        if loop is not None:
            if _type(loop) is _int and 0 <= loop <= 2147483647:
                _store['loop'] = loop
                _wire['loop'] = f"{loop}"
            else:
                try:
                    _store['loop'], _wire['loop'] = _admit_loop(loop)
                except _Refused as _why:
                    raise _cls._refused('loop', loop, _why) from None
        _store['_wire'] = _wire

    return __init__


def _companions_Speak(_cls):
    _specs = _cls.specs
    _admit_content = _specs['content'].check.admit
    _c0 = _specs['content'].check.known()
    _admit_voice = _specs['voice'].check.admit
    _c1 = _specs['voice'].check.known()
    _admit_language = _specs['language'].check.admit
    _c2 = _specs['language'].check.known()
    _admit_loop = _specs['loop'].check.admit

    def __init__(self, content=None, voice=None, language=None, loop=None, _by_position=_NOT_GIVEN, children=None, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if content is not None:
            if _type(content) is _str and content in _c0:
                _store['content'] = content
            else:
                try:
                    _store['content'], _ = _admit_content(content)
                except _Refused as _why:
                    raise _cls._refused('content', content, _why) from None
        if voice is not None:
            if _type(voice) is _str and voice in _c1:
                _store['voice'] = _wire['voice'] = voice
            else:
                try:
                    _store['voice'], _wire['voice'] = _admit_voice(voice)
                except _Refused as _why:
                    raise _cls._refused('voice', voice, _why) from None
                _store.setdefault('_fresh', {})['voice'] = None
        if language is not None:
            if _type(language) is _str and language in _c2:
                _store['language'] = _wire['language'] = language
            else:
                try:
                    _store['language'], _wire['language'] = _admit_language(language)
                except _Refused as _why:
                    raise _cls._refused('language', language, _why) from None
                _store.setdefault('_fresh', {})['language'] = None
        if loop is not None:
            if _type(loop) is _int and 0 <= loop <= 2147483647:
                _store['loop'] = loop
                _wire['loop'] = f"{loop}"
            else:
                try:
                    _store['loop'], _wire['loop'] = _admit_loop(loop)
                except _Refused as _why:
                    raise _cls._refused('loop', loop, _why) from None
        _store['_wire'] = _wire
        _store['children'] = []
        if children is not None:
            self._set_children(children)

    return __init__


def _companions_Wait(_cls):
    _specs = _cls.specs
    _admit_length = _specs['length'].check.admit
    _admit_silence = _specs['silence'].check.admit
    _admit_min_silence = _specs['min_silence'].check.admit
    _admit_beep = _specs['beep'].check.admit

    def __init__(self, length=None, silence=None, min_silence=None, beep=None, _by_position=_NOT_GIVEN, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if length is not None:
            if _type(length) is _int and 1 <= length <= 2147483647:
                _store['length'] = length
                _wire['length'] = f"{length}"
            else:
                try:
                    _store['length'], _wire['length'] = _admit_length(length)
                except _Refused as _why:
                    raise _cls._refused('length', length, _why) from None
        if silence is not None:
            if silence is True or silence is False:
                _store['silence'] = silence
                _wire['silence'] = 'true' if silence else 'false'
            else:
                try:
                    _store['silence'], _wire['silence'] = _admit_silence(silence)
                except _Refused as _why:
                    raise _cls._refused('silence', silence, _why) from None
        if min_silence is not None:
            if _type(min_silence) is _int and 1 <= min_silence <= 2147483647:
                _store['min_silence'] = min_silence
                _wire['minSilence'] = f"{min_silence}"
            else:
                try:
                    _store['min_silence'], _wire['minSilence'] = _admit_min_silence(min_silence)
                except _Refused as _why:
                    raise _cls._refused('min_silence', min_silence, _why) from None
        if beep is not None:
            if beep is True or beep is False:
                _store['beep'] = beep
                _wire['beep'] = 'true' if beep else 'false'
            else:
                try:
                    _store['beep'], _wire['beep'] = _admit_beep(beep)
                except _Refused as _why:
                    raise _cls._refused('beep', beep, _why) from None
        _store['_wire'] = _wire

    return __init__


def _companions_Hangup(_cls):
    _specs = _cls.specs
    _admit_reason = _specs['reason'].check.admit
    _c0 = _specs['reason'].check.known()
    _admit_schedule = _specs['schedule'].check.admit

    def __init__(self, reason=None, schedule=None, _by_position=_NOT_GIVEN, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if reason is not None:
            if _type(reason) is _str and reason in _c0:
                _store['reason'] = _wire['reason'] = reason
            else:
                try:
                    _store['reason'], _wire['reason'] = _admit_reason(reason)
                except _Refused as _why:
                    raise _cls._refused('reason', reason, _why) from None
        if schedule is not None:
            if _type(schedule) is _int and 1 <= schedule <= 2147483647:
                _store['schedule'] = schedule
                _wire['schedule'] = f"{schedule}"
            else:
                try:
                    _store['schedule'], _wire['schedule'] = _admit_schedule(schedule)
                except _Refused as _why:
                    raise _cls._refused('schedule', schedule, _why) from None
        _store['_wire'] = _wire

    return __init__


def _companions_Redirect(_cls):
    _specs = _cls.specs
    _admit_content = _specs['content'].check.admit
    _c0 = _specs['content'].check.known()
    _admit_method = _specs['method'].check.admit
    _c1 = _specs['method'].check.known()

    def __init__(self, content=_REQUIRED, method=None, _by_position=_NOT_GIVEN, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if content is _REQUIRED or content is None:
            raise _cls._refuse('content', None, 'is required')
        if _type(content) is _str and content in _c0:
            _store['content'] = content
        else:
            try:
                _store['content'], _ = _admit_content(content)
            except _Refused as _why:
                raise _cls._refused('content', content, _why) from None
        if method is not None:
            if _type(method) is _str and method in _c1:
                _store['method'] = _wire['method'] = method
            else:
                try:
                    _store['method'], _wire['method'] = _admit_method(method)
                except _Refused as _why:
                    raise _cls._refused('method', method, _why) from None
        _store['_wire'] = _wire

    return __init__


def _conference_Conference(_cls):
    _specs = _cls.specs
    _admit_content = _specs['content'].check.admit
    _c0 = _specs['content'].check.known()
    _admit_muted = _specs['muted'].check.admit
    _admit_enter_sound = _specs['enter_sound'].check.admit
    _c1 = _specs['enter_sound'].check.words
    _c2 = _specs['enter_sound'].check.other.known()
    _admit_exit_sound = _specs['exit_sound'].check.admit
    _c3 = _specs['exit_sound'].check.words
    _c4 = _specs['exit_sound'].check.other.known()
    _admit_start_conference_on_enter = _specs['start_conference_on_enter'].check.admit
    _admit_end_conference_on_exit = _specs['end_conference_on_exit'].check.admit
    _admit_stay_alone = _specs['stay_alone'].check.admit
    _admit_wait_sound = _specs['wait_sound'].check.admit
    _c5 = _specs['wait_sound'].check.known()
    _admit_max_members = _specs['max_members'].check.admit
    _admit_record = _specs['record'].check.admit
    _admit_record_file_format = _specs['record_file_format'].check.admit
    _c6 = _specs['record_file_format'].check.known()
    _admit_time_limit = _specs['time_limit'].check.admit
    _admit_hangup_on_star = _specs['hangup_on_star'].check.admit
    _admit_action = _specs['action'].check.admit
    _c7 = _specs['action'].check.known()
    _admit_method = _specs['method'].check.admit
    _c8 = _specs['method'].check.known()
    _admit_callback_url = _specs['callback_url'].check.admit
    _c9 = _specs['callback_url'].check.known()
    _admit_callback_method = _specs['callback_method'].check.admit
    _c10 = _specs['callback_method'].check.known()
    _admit_digits_match = _specs['digits_match'].check.admit
    _admit_floor_event = _specs['floor_event'].check.admit
    _admit_redirect = _specs['redirect'].check.admit
    _admit_relay_dtmf = _specs['relay_dtmf'].check.admit
    _admit_send_digits = _specs['send_digits'].check.admit
    _c11 = _specs['send_digits'].check.known()
    _admit_record_when_alone = _specs['record_when_alone'].check.admit
    _admit_transcription_type = _specs['transcription_type'].check.admit
    _c12 = _specs['transcription_type'].check.known()
    _admit_transcription_url = _specs['transcription_url'].check.admit
    _c13 = _specs['transcription_url'].check.known()
    _admit_transcription_method = _specs['transcription_method'].check.admit
    _c14 = _specs['transcription_method'].check.known()

    def __init__(self, content=_REQUIRED, muted=None, enter_sound=None, exit_sound=None, start_conference_on_enter=None, end_conference_on_exit=None, stay_alone=None, wait_sound=None, max_members=None, record=None, record_file_format=None, time_limit=None, hangup_on_star=None, action=None, method=None, callback_url=None, callback_method=None, digits_match=None, floor_event=None, redirect=None, relay_dtmf=None, send_digits=None, record_when_alone=None, transcription_type=None, transcription_url=None, transcription_method=None, _by_position=_NOT_GIVEN, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if content is _REQUIRED or content is None:
            raise _cls._refuse('content', None, 'is required')
        if _type(content) is _str and content in _c0:
            _store['content'] = content
        else:
            try:
                _store['content'], _ = _admit_content(content)
            except _Refused as _why:
                raise _cls._refused('content', content, _why) from None
        if muted is not None:
            if muted is True or muted is False:
                _store['muted'] = muted
                _wire['muted'] = 'true' if muted else 'false'
            else:
                try:
                    _store['muted'], _wire['muted'] = _admit_muted(muted)
                except _Refused as _why:
                    raise _cls._refused('muted', muted, _why) from None
        if enter_sound is not None:
            if _type(enter_sound) is _str and enter_sound in _c1:
                _store['enter_sound'] = _wire['enterSound'] = enter_sound
            elif _type(enter_sound) is _str and enter_sound in _c2:
                _store['enter_sound'] = _wire['enterSound'] = enter_sound
            else:
                try:
                    _store['enter_sound'], _wire['enterSound'] = _admit_enter_sound(enter_sound)
                except _Refused as _why:
                    raise _cls._refused('enter_sound', enter_sound, _why) from None
                _store.setdefault('_fresh', {})['enterSound'] = None
        if exit_sound is not None:
            if _type(exit_sound) is _str and exit_sound in _c3:
                _store['exit_sound'] = _wire['exitSound'] = exit_sound
            elif _type(exit_sound) is _str and exit_sound in _c4:
                _store['exit_sound'] = _wire['exitSound'] = exit_sound
            else:
                try:
                    _store['exit_sound'], _wire['exitSound'] = _admit_exit_sound(exit_sound)
                except _Refused as _why:
                    raise _cls._refused('exit_sound', exit_sound, _why) from None
                _store.setdefault('_fresh', {})['exitSound'] = None
        if start_conference_on_enter is not None:
            if start_conference_on_enter is True or start_conference_on_enter is False:
                _store['start_conference_on_enter'] = start_conference_on_enter
                _wire['startConferenceOnEnter'] = 'true' if start_conference_on_enter else 'false'
            else:
                try:
                    _store['start_conference_on_enter'], _wire['startConferenceOnEnter'] = _admit_start_conference_on_enter(start_conference_on_enter)
                except _Refused as _why:
                    raise _cls._refused('start_conference_on_enter', start_conference_on_enter, _why) from None
        if end_conference_on_exit is not None:
            if end_conference_on_exit is True or end_conference_on_exit is False:
                _store['end_conference_on_exit'] = end_conference_on_exit
                _wire['endConferenceOnExit'] = 'true' if end_conference_on_exit else 'false'
            else:
                try:
                    _store['end_conference_on_exit'], _wire['endConferenceOnExit'] = _admit_end_conference_on_exit(end_conference_on_exit)
                except _Refused as _why:
                    raise _cls._refused('end_conference_on_exit', end_conference_on_exit, _why) from None
        if stay_alone is not None:
            if stay_alone is True or stay_alone is False:
                _store['stay_alone'] = stay_alone
                _wire['stayAlone'] = 'true' if stay_alone else 'false'
            else:
                try:
                    _store['stay_alone'], _wire['stayAlone'] = _admit_stay_alone(stay_alone)
                except _Refused as _why:
                    raise _cls._refused('stay_alone', stay_alone, _why) from None
        if wait_sound is not None:
            if _type(wait_sound) is _str and wait_sound in _c5:
                _store['wait_sound'] = _wire['waitSound'] = wait_sound
            else:
                try:
                    _store['wait_sound'], _wire['waitSound'] = _admit_wait_sound(wait_sound)
                except _Refused as _why:
                    raise _cls._refused('wait_sound', wait_sound, _why) from None
                _store.setdefault('_fresh', {})['waitSound'] = None
        if max_members is not None:
            if _type(max_members) is _int and 1 <= max_members <= 20:
                _store['max_members'] = max_members
                _wire['maxMembers'] = f"{max_members}"
            else:
                try:
                    _store['max_members'], _wire['maxMembers'] = _admit_max_members(max_members)
                except _Refused as _why:
                    raise _cls._refused('max_members', max_members, _why) from None
        if record is not None:
            if record is True or record is False:
                _store['record'] = record
                _wire['record'] = 'true' if record else 'false'
            else:
                try:
                    _store['record'], _wire['record'] = _admit_record(record)
                except _Refused as _why:
                    raise _cls._refused('record', record, _why) from None
        if record_file_format is not None:
            if _type(record_file_format) is _str and record_file_format in _c6:
                _store['record_file_format'] = _wire['recordFileFormat'] = record_file_format
            else:
                try:
                    _store['record_file_format'], _wire['recordFileFormat'] = _admit_record_file_format(record_file_format)
                except _Refused as _why:
                    raise _cls._refused('record_file_format', record_file_format, _why) from None
        if time_limit is not None:
            if _type(time_limit) is _int and 0 <= time_limit <= 2147483647:
                _store['time_limit'] = time_limit
                _wire['timeLimit'] = f"{time_limit}"
            else:
                try:
                    _store['time_limit'], _wire['timeLimit'] = _admit_time_limit(time_limit)
                except _Refused as _why:
                    raise _cls._refused('time_limit', time_limit, _why) from None
        if hangup_on_star is not None:
            if hangup_on_star is True or hangup_on_star is False:
                _store['hangup_on_star'] = hangup_on_star
                _wire['hangupOnStar'] = 'true' if hangup_on_star else 'false'
            else:
                try:
                    _store['hangup_on_star'], _wire['hangupOnStar'] = _admit_hangup_on_star(hangup_on_star)
                except _Refused as _why:
                    raise _cls._refused('hangup_on_star', hangup_on_star, _why) from None
        if action is not None:
            if _type(action) is _str and action in _c7:
                _store['action'] = _wire['action'] = action
            else:
                try:
                    _store['action'], _wire['action'] = _admit_action(action)
                except _Refused as _why:
                    raise _cls._refused('action', action, _why) from None
                _store.setdefault('_fresh', {})['action'] = None
        if method is not None:
            if _type(method) is _str and method in _c8:
                _store['method'] = _wire['method'] = method
            else:
                try:
                    _store['method'], _wire['method'] = _admit_method(method)
                except _Refused as _why:
                    raise _cls._refused('method', method, _why) from None
        if callback_url is not None:
            if _type(callback_url) is _str and callback_url in _c9:
                _store['callback_url'] = _wire['callbackUrl'] = callback_url
            else:
                try:
                    _store['callback_url'], _wire['callbackUrl'] = _admit_callback_url(callback_url)
                except _Refused as _why:
                    raise _cls._refused('callback_url', callback_url, _why) from None
                _store.setdefault('_fresh', {})['callbackUrl'] = None
        if callback_method is not None:
            if _type(callback_method) is _str and callback_method in _c10:
                _store['callback_method'] = _wire['callbackMethod'] = callback_method
            else:
                try:
                    _store['callback_method'], _wire['callbackMethod'] = _admit_callback_method(callback_method)
                except _Refused as _why:
                    raise _cls._refused('callback_method', callback_method, _why) from None
        if digits_match is not None:
            try:
                _store['digits_match'], _wire['digitsMatch'] = _admit_digits_match(digits_match)
            except _Refused as _why:
                raise _cls._refused('digits_match', digits_match, _why) from None
        if floor_event is not None:
            if floor_event is True or floor_event is False:
                _store['floor_event'] = floor_event
                _wire['floorEvent'] = 'true' if floor_event else 'false'
            else:
                try:
                    _store['floor_event'], _wire['floorEvent'] = _admit_floor_event(floor_event)
                except _Refused as _why:
                    raise _cls._refused('floor_event', floor_event, _why) from None
        if redirect is not None:
            if redirect is True or redirect is False:
                _store['redirect'] = redirect
                _wire['redirect'] = 'true' if redirect else 'false'
            else:
                try:
                    _store['redirect'], _wire['redirect'] = _admit_redirect(redirect)
                except _Refused as _why:
                    raise _cls._refused('redirect', redirect, _why) from None
        if relay_dtmf is not None:
            if relay_dtmf is True or relay_dtmf is False:
                _store['relay_dtmf'] = relay_dtmf
                _wire['relayDTMF'] = 'true' if relay_dtmf else 'false'
            else:
                try:
                    _store['relay_dtmf'], _wire['relayDTMF'] = _admit_relay_dtmf(relay_dtmf)
                except _Refused as _why:
                    raise _cls._refused('relay_dtmf', relay_dtmf, _why) from None
        if send_digits is not None:
            if _type(send_digits) is _str and send_digits in _c11:
                _store['send_digits'] = _wire['sendDigits'] = send_digits
            else:
                try:
                    _store['send_digits'], _wire['sendDigits'] = _admit_send_digits(send_digits)
                except _Refused as _why:
                    raise _cls._refused('send_digits', send_digits, _why) from None
                _store.setdefault('_fresh', {})['sendDigits'] = None
        if record_when_alone is not None:
            if record_when_alone is True or record_when_alone is False:
                _store['record_when_alone'] = record_when_alone
                _wire['recordWhenAlone'] = 'true' if record_when_alone else 'false'
            else:
                try:
                    _store['record_when_alone'], _wire['recordWhenAlone'] = _admit_record_when_alone(record_when_alone)
                except _Refused as _why:
                    raise _cls._refused('record_when_alone', record_when_alone, _why) from None
        if transcription_type is not None:
            if _type(transcription_type) is _str and transcription_type in _c12:
                _store['transcription_type'] = _wire['transcriptionType'] = transcription_type
            else:
                try:
                    _store['transcription_type'], _wire['transcriptionType'] = _admit_transcription_type(transcription_type)
                except _Refused as _why:
                    raise _cls._refused('transcription_type', transcription_type, _why) from None
        if transcription_url is not None:
            if _type(transcription_url) is _str and transcription_url in _c13:
                _store['transcription_url'] = _wire['transcriptionUrl'] = transcription_url
            else:
                try:
                    _store['transcription_url'], _wire['transcriptionUrl'] = _admit_transcription_url(transcription_url)
                except _Refused as _why:
                    raise _cls._refused('transcription_url', transcription_url, _why) from None
                _store.setdefault('_fresh', {})['transcriptionUrl'] = None
        if transcription_method is not None:
            if _type(transcription_method) is _str and transcription_method in _c14:
                _store['transcription_method'] = _wire['transcriptionMethod'] = transcription_method
            else:
                try:
                    _store['transcription_method'], _wire['transcriptionMethod'] = _admit_transcription_method(transcription_method)
                except _Refused as _why:
                    raise _cls._refused('transcription_method', transcription_method, _why) from None
        _store['_wire'] = _wire

    return __init__


def _dial_Number(_cls):
    _specs = _cls.specs
    _admit_content = _specs['content'].check.admit
    _c0 = _specs['content'].check.known()
    _admit_send_digits = _specs['send_digits'].check.admit
    _c1 = _specs['send_digits'].check.known()
    _admit_send_on_preanswer = _specs['send_on_preanswer'].check.admit
    _admit_send_digits_mode = _specs['send_digits_mode'].check.admit
    _c2 = _specs['send_digits_mode'].check.known()

    def __init__(self, content=_REQUIRED, send_digits=None, send_on_preanswer=None, send_digits_mode=None, _by_position=_NOT_GIVEN, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if content is _REQUIRED or content is None:
            raise _cls._refuse('content', None, 'is required')
        if _type(content) is _str and content in _c0:
            _store['content'] = content
        else:
            try:
                _store['content'], _ = _admit_content(content)
            except _Refused as _why:
                raise _cls._refused('content', content, _why) from None
        if send_digits is not None:
            if _type(send_digits) is _str and send_digits in _c1:
                _store['send_digits'] = _wire['sendDigits'] = send_digits
            else:
                try:
                    _store['send_digits'], _wire['sendDigits'] = _admit_send_digits(send_digits)
                except _Refused as _why:
                    raise _cls._refused('send_digits', send_digits, _why) from None
                _store.setdefault('_fresh', {})['sendDigits'] = None
        if send_on_preanswer is not None:
            if send_on_preanswer is True or send_on_preanswer is False:
                _store['send_on_preanswer'] = send_on_preanswer
                _wire['sendOnPreanswer'] = 'true' if send_on_preanswer else 'false'
            else:
                try:
                    _store['send_on_preanswer'], _wire['sendOnPreanswer'] = _admit_send_on_preanswer(send_on_preanswer)
                except _Refused as _why:
                    raise _cls._refused('send_on_preanswer', send_on_preanswer, _why) from None
        if send_digits_mode is not None:
            if _type(send_digits_mode) is _str and send_digits_mode in _c2:
                _store['send_digits_mode'] = _wire['sendDigitsMode'] = send_digits_mode
            else:
                try:
                    _store['send_digits_mode'], _wire['sendDigitsMode'] = _admit_send_digits_mode(send_digits_mode)
                except _Refused as _why:
                    raise _cls._refused('send_digits_mode', send_digits_mode, _why) from None
        _store['_wire'] = _wire

    return __init__


def _dial_User(_cls):
    _specs = _cls.specs
    _admit_content = _specs['content'].check.admit
    _c0 = _specs['content'].check.known()
    _admit_send_digits = _specs['send_digits'].check.admit
    _c1 = _specs['send_digits'].check.known()
    _admit_send_on_preanswer = _specs['send_on_preanswer'].check.admit
    _admit_sip_headers = _specs['sip_headers'].check.admit
    _c2 = _specs['sip_headers'].check.known()

    def __init__(self, content=_REQUIRED, send_digits=None, send_on_preanswer=None, sip_headers=None, _by_position=_NOT_GIVEN, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if content is _REQUIRED or content is None:
            raise _cls._refuse('content', None, 'is required')
        if _type(content) is _str and content in _c0:
            _store['content'] = content
        else:
            try:
                _store['content'], _ = _admit_content(content)
            except _Refused as _why:
                raise _cls._refused('content', content, _why) from None
        if send_digits is not None:
            if _type(send_digits) is _str and send_digits in _c1:
                _store['send_digits'] = _wire['sendDigits'] = send_digits
            else:
                try:
                    _store['send_digits'], _wire['sendDigits'] = _admit_send_digits(send_digits)
                except _Refused as _why:
                    raise _cls._refused('send_digits', send_digits, _why) from None
                _store.setdefault('_fresh', {})['sendDigits'] = None
        if send_on_preanswer is not None:
            if send_on_preanswer is True or send_on_preanswer is False:
                _store['send_on_preanswer'] = send_on_preanswer
                _wire['sendOnPreanswer'] = 'true' if send_on_preanswer else 'false'
            else:
                try:
                    _store['send_on_preanswer'], _wire['sendOnPreanswer'] = _admit_send_on_preanswer(send_on_preanswer)
                except _Refused as _why:
                    raise _cls._refused('send_on_preanswer', send_on_preanswer, _why) from None
        if sip_headers is not None:
            if _type(sip_headers) is _str and sip_headers in _c2:
                _store['sip_headers'] = _wire['sipHeaders'] = sip_headers
            else:
                try:
                    _store['sip_headers'], _wire['sipHeaders'] = _admit_sip_headers(sip_headers)
                except _Refused as _why:
                    raise _cls._refused('sip_headers', sip_headers, _why) from None
                _store.setdefault('_fresh', {})['sipHeaders'] = None
        _store['_wire'] = _wire

    return __init__


def _dial_Dial(_cls):
    _specs = _cls.specs
    _admit_action = _specs['action'].check.admit
    _c0 = _specs['action'].check.known()
    _admit_method = _specs['method'].check.admit
    _c1 = _specs['method'].check.known()
    _admit_hangup_on_star = _specs['hangup_on_star'].check.admit
    _admit_time_limit = _specs['time_limit'].check.admit
    _admit_timeout = _specs['timeout'].check.admit
    _admit_caller_id = _specs['caller_id'].check.admit
    _c2 = _specs['caller_id'].check.known()
    _admit_caller_name = _specs['caller_name'].check.admit
    _c3 = _specs['caller_name'].check.known()
    _admit_confirm_sound = _specs['confirm_sound'].check.admit
    _c4 = _specs['confirm_sound'].check.known()
    _admit_confirm_timeout = _specs['confirm_timeout'].check.admit
    _admit_confirm_key = _specs['confirm_key'].check.admit
    _c5 = _specs['confirm_key'].check.known()
    _admit_dial_music = _specs['dial_music'].check.admit
    _c6 = _specs['dial_music'].check.words
    _c7 = _specs['dial_music'].check.other.known()
    _admit_callback_url = _specs['callback_url'].check.admit
    _c8 = _specs['callback_url'].check.known()
    _admit_callback_method = _specs['callback_method'].check.admit
    _c9 = _specs['callback_method'].check.known()
    _admit_redirect = _specs['redirect'].check.admit
    _admit_digits_match = _specs['digits_match'].check.admit
    _admit_digits_match_b_leg = _specs['digits_match_b_leg'].check.admit
    _admit_sip_headers = _specs['sip_headers'].check.admit
    _c10 = _specs['sip_headers'].check.known()

    def __init__(self, action=None, method=None, hangup_on_star=None, time_limit=None, timeout=None, caller_id=None, caller_name=None, confirm_sound=None, confirm_timeout=None, confirm_key=None, dial_music=None, callback_url=None, callback_method=None, redirect=None, digits_match=None, digits_match_b_leg=None, sip_headers=None, _by_position=_NOT_GIVEN, children=None, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if action is not None:
            if _type(action) is _str and action in _c0:
                _store['action'] = _wire['action'] = action
            else:
                try:
                    _store['action'], _wire['action'] = _admit_action(action)
                except _Refused as _why:
                    raise _cls._refused('action', action, _why) from None
                _store.setdefault('_fresh', {})['action'] = None
        if method is not None:
            if _type(method) is _str and method in _c1:
                _store['method'] = _wire['method'] = method
            else:
                try:
                    _store['method'], _wire['method'] = _admit_method(method)
                except _Refused as _why:
                    raise _cls._refused('method', method, _why) from None
        if hangup_on_star is not None:
            if hangup_on_star is True or hangup_on_star is False:
                _store['hangup_on_star'] = hangup_on_star
                _wire['hangupOnStar'] = 'true' if hangup_on_star else 'false'
            else:
                try:
                    _store['hangup_on_star'], _wire['hangupOnStar'] = _admit_hangup_on_star(hangup_on_star)
                except _Refused as _why:
                    raise _cls._refused('hangup_on_star', hangup_on_star, _why) from None
        if time_limit is not None:
            if _type(time_limit) is _int and 1 <= time_limit <= 2147483647:
                _store['time_limit'] = time_limit
                _wire['timeLimit'] = f"{time_limit}"
            else:
                try:
                    _store['time_limit'], _wire['timeLimit'] = _admit_time_limit(time_limit)
                except _Refused as _why:
                    raise _cls._refused('time_limit', time_limit, _why) from None
        if timeout is not None:
            if _type(timeout) is _int and 1 <= timeout <= 2147483647:
                _store['timeout'] = timeout
                _wire['timeout'] = f"{timeout}"
            else:
                try:
                    _store['timeout'], _wire['timeout'] = _admit_timeout(timeout)
                except _Refused as _why:
                    raise _cls._refused('timeout', timeout, _why) from None
        if caller_id is not None:
            if _type(caller_id) is _str and caller_id in _c2:
                _store['caller_id'] = _wire['callerId'] = caller_id
            else:
                try:
                    _store['caller_id'], _wire['callerId'] = _admit_caller_id(caller_id)
                except _Refused as _why:
                    raise _cls._refused('caller_id', caller_id, _why) from None
                _store.setdefault('_fresh', {})['callerId'] = None
        if caller_name is not None:
            if _type(caller_name) is _str and caller_name in _c3:
                _store['caller_name'] = _wire['callerName'] = caller_name
            else:
                try:
                    _store['caller_name'], _wire['callerName'] = _admit_caller_name(caller_name)
                except _Refused as _why:
                    raise _cls._refused('caller_name', caller_name, _why) from None
                _store.setdefault('_fresh', {})['callerName'] = None
        if confirm_sound is not None:
            if _type(confirm_sound) is _str and confirm_sound in _c4:
                _store['confirm_sound'] = _wire['confirmSound'] = confirm_sound
            else:
                try:
                    _store['confirm_sound'], _wire['confirmSound'] = _admit_confirm_sound(confirm_sound)
                except _Refused as _why:
                    raise _cls._refused('confirm_sound', confirm_sound, _why) from None
                _store.setdefault('_fresh', {})['confirmSound'] = None
        if confirm_timeout is not None:
            if _type(confirm_timeout) is _int and 1 <= confirm_timeout <= 2147483647:
                _store['confirm_timeout'] = confirm_timeout
                _wire['confirmTimeout'] = f"{confirm_timeout}"
            else:
                try:
                    _store['confirm_timeout'], _wire['confirmTimeout'] = _admit_confirm_timeout(confirm_timeout)
                except _Refused as _why:
                    raise _cls._refused('confirm_timeout', confirm_timeout, _why) from None
        if confirm_key is not None:
            if _type(confirm_key) is _str and confirm_key in _c5:
                _store['confirm_key'] = _wire['confirmKey'] = confirm_key
            else:
                try:
                    _store['confirm_key'], _wire['confirmKey'] = _admit_confirm_key(confirm_key)
                except _Refused as _why:
                    raise _cls._refused('confirm_key', confirm_key, _why) from None
                _store.setdefault('_fresh', {})['confirmKey'] = None
        if dial_music is not None:
            if _type(dial_music) is _str and dial_music in _c6:
                _store['dial_music'] = _wire['dialMusic'] = dial_music
            elif _type(dial_music) is _str and dial_music in _c7:
                _store['dial_music'] = _wire['dialMusic'] = dial_music
            else:
                try:
                    _store['dial_music'], _wire['dialMusic'] = _admit_dial_music(dial_music)
                except _Refused as _why:
                    raise _cls._refused('dial_music', dial_music, _why) from None
                _store.setdefault('_fresh', {})['dialMusic'] = None
        if callback_url is not None:
            if _type(callback_url) is _str and callback_url in _c8:
                _store['callback_url'] = _wire['callbackUrl'] = callback_url
            else:
                try:
                    _store['callback_url'], _wire['callbackUrl'] = _admit_callback_url(callback_url)
                except _Refused as _why:
                    raise _cls._refused('callback_url', callback_url, _why) from None
                _store.setdefault('_fresh', {})['callbackUrl'] = None
        if callback_method is not None:
            if _type(callback_method) is _str and callback_method in _c9:
                _store['callback_method'] = _wire['callbackMethod'] = callback_method
            else:
                try:
                    _store['callback_method'], _wire['callbackMethod'] = _admit_callback_method(callback_method)
                except _Refused as _why:
                    raise _cls._refused('callback_method', callback_method, _why) from None
        if redirect is not None:
            if redirect is True or redirect is False:
                _store['redirect'] = redirect
                _wire['redirect'] = 'true' if redirect else 'false'
            else:
                try:
                    _store['redirect'], _wire['redirect'] = _admit_redirect(redirect)
                except _Refused as _why:
                    raise _cls._refused('redirect', redirect, _why) from None
        if digits_match is not None:
            try:
                _store['digits_match'], _wire['digitsMatch'] = _admit_digits_match(digits_match)
            except _Refused as _why:
                raise _cls._refused('digits_match', digits_match, _why) from None
        if digits_match_b_leg is not None:
            try:
                _store['digits_match_b_leg'], _wire['digitsMatchBLeg'] = _admit_digits_match_b_leg(digits_match_b_leg)
            except _Refused as _why:
                raise _cls._refused('digits_match_b_leg', digits_match_b_leg, _why) from None
        if sip_headers is not None:
            if _type(sip_headers) is _str and sip_headers in _c10:
                _store['sip_headers'] = _wire['sipHeaders'] = sip_headers
            else:
                try:
                    _store['sip_headers'], _wire['sipHeaders'] = _admit_sip_headers(sip_headers)
                except _Refused as _why:
                    raise _cls._refused('sip_headers', sip_headers, _why) from None
                _store.setdefault('_fresh', {})['sipHeaders'] = None
        _store['_wire'] = _wire
        _store['children'] = []
        if children is not None:
            self._set_children(children)

    return __init__


def _gather_GetDigits(_cls):
    _specs = _cls.specs
    _admit_action = _specs['action'].check.admit
    _c0 = _specs['action'].check.known()
    _admit_method = _specs['method'].check.admit
    _c1 = _specs['method'].check.known()
    _admit_timeout = _specs['timeout'].check.admit
    _admit_digit_timeout = _specs['digit_timeout'].check.admit
    _admit_finish_on_key = _specs['finish_on_key'].check.admit
    _c2 = _specs['finish_on_key'].check.known()
    _admit_num_digits = _specs['num_digits'].check.admit
    _admit_retries = _specs['retries'].check.admit
    _admit_redirect = _specs['redirect'].check.admit
    _admit_play_beep = _specs['play_beep'].check.admit
    _admit_valid_digits = _specs['valid_digits'].check.admit
    _c3 = _specs['valid_digits'].check.known()
    _admit_invalid_digits_sound = _specs['invalid_digits_sound'].check.admit
    _c4 = _specs['invalid_digits_sound'].check.known()
    _admit_log = _specs['log'].check.admit

    def __init__(self, action=None, method=None, timeout=None, digit_timeout=None, finish_on_key=None, num_digits=None, retries=None, redirect=None, play_beep=None, valid_digits=None, invalid_digits_sound=None, log=None, _by_position=_NOT_GIVEN, children=None, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if action is not None:
            if _type(action) is _str and action in _c0:
                _store['action'] = _wire['action'] = action
            else:
                try:
                    _store['action'], _wire['action'] = _admit_action(action)
                except _Refused as _why:
                    raise _cls._refused('action', action, _why) from None
                _store.setdefault('_fresh', {})['action'] = None
        if method is not None:
            if _type(method) is _str and method in _c1:
                _store['method'] = _wire['method'] = method
            else:
                try:
                    _store['method'], _wire['method'] = _admit_method(method)
                except _Refused as _why:
                    raise _cls._refused('method', method, _why) from None
        if timeout is not None:
            if _type(timeout) is _int and 1 <= timeout <= 2147483647:
                _store['timeout'] = timeout
                _wire['timeout'] = f"{timeout}"
            else:
                try:
                    _store['timeout'], _wire['timeout'] = _admit_timeout(timeout)
                except _Refused as _why:
                    raise _cls._refused('timeout', timeout, _why) from None
        if digit_timeout is not None:
            if _type(digit_timeout) is _int and 1 <= digit_timeout <= 2147483647:
                _store['digit_timeout'] = digit_timeout
                _wire['digitTimeout'] = f"{digit_timeout}"
            else:
                try:
                    _store['digit_timeout'], _wire['digitTimeout'] = _admit_digit_timeout(digit_timeout)
                except _Refused as _why:
                    raise _cls._refused('digit_timeout', digit_timeout, _why) from None
        if finish_on_key is not None:
            if _type(finish_on_key) is _str and finish_on_key in _c2:
                _store['finish_on_key'] = _wire['finishOnKey'] = finish_on_key
            else:
                try:
                    _store['finish_on_key'], _wire['finishOnKey'] = _admit_finish_on_key(finish_on_key)
                except _Refused as _why:
                    raise _cls._refused('finish_on_key', finish_on_key, _why) from None
                _store.setdefault('_fresh', {})['finishOnKey'] = None
        if num_digits is not None:
            if _type(num_digits) is _int and 1 <= num_digits <= 2147483647:
                _store['num_digits'] = num_digits
                _wire['numDigits'] = f"{num_digits}"
            else:
                try:
                    _store['num_digits'], _wire['numDigits'] = _admit_num_digits(num_digits)
                except _Refused as _why:
                    raise _cls._refused('num_digits', num_digits, _why) from None
        if retries is not None:
            if _type(retries) is _int and 1 <= retries <= 2147483647:
                _store['retries'] = retries
                _wire['retries'] = f"{retries}"
            else:
                try:
                    _store['retries'], _wire['retries'] = _admit_retries(retries)
                except _Refused as _why:
                    raise _cls._refused('retries', retries, _why) from None
        if redirect is not None:
            if redirect is True or redirect is False:
                _store['redirect'] = redirect
                _wire['redirect'] = 'true' if redirect else 'false'
            else:
                try:
                    _store['redirect'], _wire['redirect'] = _admit_redirect(redirect)
                except _Refused as _why:
                    raise _cls._refused('redirect', redirect, _why) from None
        if play_beep is not None:
            if play_beep is True or play_beep is False:
                _store['play_beep'] = play_beep
                _wire['playBeep'] = 'true' if play_beep else 'false'
            else:
                try:
                    _store['play_beep'], _wire['playBeep'] = _admit_play_beep(play_beep)
                except _Refused as _why:
                    raise _cls._refused('play_beep', play_beep, _why) from None
        if valid_digits is not None:
            if _type(valid_digits) is _str and valid_digits in _c3:
                _store['valid_digits'] = _wire['validDigits'] = valid_digits
            else:
                try:
                    _store['valid_digits'], _wire['validDigits'] = _admit_valid_digits(valid_digits)
                except _Refused as _why:
                    raise _cls._refused('valid_digits', valid_digits, _why) from None
                _store.setdefault('_fresh', {})['validDigits'] = None
        if invalid_digits_sound is not None:
            if _type(invalid_digits_sound) is _str and invalid_digits_sound in _c4:
                _store['invalid_digits_sound'] = _wire['invalidDigitsSound'] = invalid_digits_sound
            else:
                try:
                    _store['invalid_digits_sound'], _wire['invalidDigitsSound'] = _admit_invalid_digits_sound(invalid_digits_sound)
                except _Refused as _why:
                    raise _cls._refused('invalid_digits_sound', invalid_digits_sound, _why) from None
                _store.setdefault('_fresh', {})['invalidDigitsSound'] = None
        if log is not None:
            if log is True or log is False:
                _store['log'] = log
                _wire['log'] = 'true' if log else 'false'
            else:
                try:
                    _store['log'], _wire['log'] = _admit_log(log)
                except _Refused as _why:
                    raise _cls._refused('log', log, _why) from None
        _store['_wire'] = _wire
        _store['children'] = []
        if children is not None:
            self._set_children(children)

    return __init__


def _gather_GetInput(_cls):
    _specs = _cls.specs
    _admit_action = _specs['action'].check.admit
    _c0 = _specs['action'].check.known()
    _admit_method = _specs['method'].check.admit
    _c1 = _specs['method'].check.known()
    _admit_input_type = _specs['input_type'].check.admit
    _c2 = _specs['input_type'].check.known()
    _admit_execution_timeout = _specs['execution_timeout'].check.admit
    _admit_digit_end_timeout = _specs['digit_end_timeout'].check.admit
    _c3 = _specs['digit_end_timeout'].check.words
    _admit_speech_end_timeout = _specs['speech_end_timeout'].check.admit
    _c4 = _specs['speech_end_timeout'].check.words
    _admit_finish_on_key = _specs['finish_on_key'].check.admit
    _c5 = _specs['finish_on_key'].check.known()
    _admit_num_digits = _specs['num_digits'].check.admit
    _admit_speech_model = _specs['speech_model'].check.admit
    _c6 = _specs['speech_model'].check.known()
    _admit_hints = _specs['hints'].check.admit
    _c7 = _specs['hints'].check.known()
    _admit_language = _specs['language'].check.admit
    _c8 = _specs['language'].check.known()
    _admit_interim_speech_results_callback = _specs['interim_speech_results_callback'].check.admit
    _c9 = _specs['interim_speech_results_callback'].check.known()
    _admit_interim_speech_results_callback_method = _specs['interim_speech_results_callback_method'].check.admit
    _c10 = _specs['interim_speech_results_callback_method'].check.known()
    _admit_log = _specs['log'].check.admit
    _admit_redirect = _specs['redirect'].check.admit
    _admit_profanity_filter = _specs['profanity_filter'].check.admit

    def __init__(self, action=None, method=None, input_type=None, execution_timeout=None, digit_end_timeout=None, speech_end_timeout=None, finish_on_key=None, num_digits=None, speech_model=None, hints=None, language=None, interim_speech_results_callback=None, interim_speech_results_callback_method=None, log=None, redirect=None, profanity_filter=None, _by_position=_NOT_GIVEN, children=None, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if action is not None:
            if _type(action) is _str and action in _c0:
                _store['action'] = _wire['action'] = action
            else:
                try:
                    _store['action'], _wire['action'] = _admit_action(action)
                except _Refused as _why:
                    raise _cls._refused('action', action, _why) from None
                _store.setdefault('_fresh', {})['action'] = None
        if method is not None:
            if _type(method) is _str and method in _c1:
                _store['method'] = _wire['method'] = method
            else:
                try:
                    _store['method'], _wire['method'] = _admit_method(method)
                except _Refused as _why:
                    raise _cls._refused('method', method, _why) from None
        if input_type is not None:
            if _type(input_type) is _str and input_type in _c2:
                _store['input_type'] = _wire['inputType'] = input_type
            else:
                try:
                    _store['input_type'], _wire['inputType'] = _admit_input_type(input_type)
                except _Refused as _why:
                    raise _cls._refused('input_type', input_type, _why) from None
        if execution_timeout is not None:
            if _type(execution_timeout) is _int and 5 <= execution_timeout <= 60:
                _store['execution_timeout'] = execution_timeout
                _wire['executionTimeout'] = f"{execution_timeout}"
            else:
                try:
                    _store['execution_timeout'], _wire['executionTimeout'] = _admit_execution_timeout(execution_timeout)
                except _Refused as _why:
                    raise _cls._refused('execution_timeout', execution_timeout, _why) from None
        if digit_end_timeout is not None:
            if _type(digit_end_timeout) is _str and digit_end_timeout in _c3:
                _store['digit_end_timeout'] = _wire['digitEndTimeout'] = digit_end_timeout
            elif _type(digit_end_timeout) is _int and 2 <= digit_end_timeout <= 10:
                _store['digit_end_timeout'] = digit_end_timeout
                _wire['digitEndTimeout'] = f"{digit_end_timeout}"
            else:
                try:
                    _store['digit_end_timeout'], _wire['digitEndTimeout'] = _admit_digit_end_timeout(digit_end_timeout)
                except _Refused as _why:
                    raise _cls._refused('digit_end_timeout', digit_end_timeout, _why) from None
        if speech_end_timeout is not None:
            if _type(speech_end_timeout) is _str and speech_end_timeout in _c4:
                _store['speech_end_timeout'] = _wire['speechEndTimeout'] = speech_end_timeout
            elif _type(speech_end_timeout) is _int and 2 <= speech_end_timeout <= 10:
                _store['speech_end_timeout'] = speech_end_timeout
                _wire['speechEndTimeout'] = f"{speech_end_timeout}"
            else:
                try:
                    _store['speech_end_timeout'], _wire['speechEndTimeout'] = _admit_speech_end_timeout(speech_end_timeout)
                except _Refused as _why:
                    raise _cls._refused('speech_end_timeout', speech_end_timeout, _why) from None
        if finish_on_key is not None:
            if _type(finish_on_key) is _str and finish_on_key in _c5:
                _store['finish_on_key'] = _wire['finishOnKey'] = finish_on_key
            else:
                try:
                    _store['finish_on_key'], _wire['finishOnKey'] = _admit_finish_on_key(finish_on_key)
                except _Refused as _why:
                    raise _cls._refused('finish_on_key', finish_on_key, _why) from None
                _store.setdefault('_fresh', {})['finishOnKey'] = None
        if num_digits is not None:
            if _type(num_digits) is _int and 1 <= num_digits <= 32:
                _store['num_digits'] = num_digits
                _wire['numDigits'] = f"{num_digits}"
            else:
                try:
                    _store['num_digits'], _wire['numDigits'] = _admit_num_digits(num_digits)
                except _Refused as _why:
                    raise _cls._refused('num_digits', num_digits, _why) from None
        if speech_model is not None:
            if _type(speech_model) is _str and speech_model in _c6:
                _store['speech_model'] = _wire['speechModel'] = speech_model
            else:
                try:
                    _store['speech_model'], _wire['speechModel'] = _admit_speech_model(speech_model)
                except _Refused as _why:
                    raise _cls._refused('speech_model', speech_model, _why) from None
        if hints is not None:
            if _type(hints) is _str and hints in _c7:
                _store['hints'] = _wire['hints'] = hints
            else:
                try:
                    _store['hints'], _wire['hints'] = _admit_hints(hints)
                except _Refused as _why:
                    raise _cls._refused('hints', hints, _why) from None
                _store.setdefault('_fresh', {})['hints'] = None
        if language is not None:
            if _type(language) is _str and language in _c8:
                _store['language'] = _wire['language'] = language
            else:
                try:
                    _store['language'], _wire['language'] = _admit_language(language)
                except _Refused as _why:
                    raise _cls._refused('language', language, _why) from None
                _store.setdefault('_fresh', {})['language'] = None
        if interim_speech_results_callback is not None:
            if _type(interim_speech_results_callback) is _str and interim_speech_results_callback in _c9:
                _store['interim_speech_results_callback'] = _wire['interimSpeechResultsCallback'] = interim_speech_results_callback
            else:
                try:
                    _store['interim_speech_results_callback'], _wire['interimSpeechResultsCallback'] = _admit_interim_speech_results_callback(interim_speech_results_callback)
                except _Refused as _why:
                    raise _cls._refused('interim_speech_results_callback', interim_speech_results_callback, _why) from None
                _store.setdefault('_fresh', {})['interimSpeechResultsCallback'] = None
        if interim_speech_results_callback_method is not None:
            if _type(interim_speech_results_callback_method) is _str and interim_speech_results_callback_method in _c10:
                _store['interim_speech_results_callback_method'] = _wire['interimSpeechResultsCallbackMethod'] = interim_speech_results_callback_method
            else:
                try:
                    _store['interim_speech_results_callback_method'], _wire['interimSpeechResultsCallbackMethod'] = _admit_interim_speech_results_callback_method(interim_speech_results_callback_method)
                except _Refused as _why:
                    raise _cls._refused('interim_speech_results_callback_method', interim_speech_results_callback_method, _why) from None
        if log is not None:
            if log is True or log is False:
                _store['log'] = log
                _wire['log'] = 'true' if log else 'false'
            else:
                try:
                    _store['log'], _wire['log'] = _admit_log(log)
                except _Refused as _why:
                    raise _cls._refused('log', log, _why) from None
        if redirect is not None:
            if redirect is True or redirect is False:
                _store['redirect'] = redirect
                _wire['redirect'] = 'true' if redirect else 'false'
            else:
                try:
                    _store['redirect'], _wire['redirect'] = _admit_redirect(redirect)
                except _Refused as _why:
                    raise _cls._refused('redirect', redirect, _why) from None
        if profanity_filter is not None:
            if profanity_filter is True or profanity_filter is False:
                _store['profanity_filter'] = profanity_filter
                _wire['profanityFilter'] = 'true' if profanity_filter else 'false'
            else:
                try:
                    _store['profanity_filter'], _wire['profanityFilter'] = _admit_profanity_filter(profanity_filter)
                except _Refused as _why:
                    raise _cls._refused('profanity_filter', profanity_filter, _why) from None
        _store['_wire'] = _wire
        _store['children'] = []
        if children is not None:
            self._set_children(children)

    return __init__


def _multiparty_MultiPartyCall(_cls):
    _specs = _cls.specs
    _admit_content = _specs['content'].check.admit
    _c0 = _specs['content'].check.known()
    _admit_role = _specs['role'].check.admit
    _c1 = _specs['role'].check.known()
    _admit_max_duration = _specs['max_duration'].check.admit
    _admit_max_participants = _specs['max_participants'].check.admit
    _admit_record_min_member_count = _specs['record_min_member_count'].check.admit
    _admit_wait_music_url = _specs['wait_music_url'].check.admit
    _c2 = _specs['wait_music_url'].check.known()
    _admit_wait_music_method = _specs['wait_music_method'].check.admit
    _c3 = _specs['wait_music_method'].check.known()
    _admit_wait_time = _specs['wait_time'].check.admit
    _admit_agent_hold_music_url = _specs['agent_hold_music_url'].check.admit
    _c4 = _specs['agent_hold_music_url'].check.known()
    _admit_agent_hold_music_method = _specs['agent_hold_music_method'].check.admit
    _c5 = _specs['agent_hold_music_method'].check.known()
    _admit_customer_hold_music_url = _specs['customer_hold_music_url'].check.admit
    _c6 = _specs['customer_hold_music_url'].check.known()
    _admit_customer_hold_music_method = _specs['customer_hold_music_method'].check.admit
    _c7 = _specs['customer_hold_music_method'].check.known()
    _admit_record = _specs['record'].check.admit
    _admit_record_participant_track = _specs['record_participant_track'].check.admit
    _admit_record_file_format = _specs['record_file_format'].check.admit
    _c8 = _specs['record_file_format'].check.known()
    _admit_recording_callback_url = _specs['recording_callback_url'].check.admit
    _c9 = _specs['recording_callback_url'].check.known()
    _admit_recording_callback_method = _specs['recording_callback_method'].check.admit
    _c10 = _specs['recording_callback_method'].check.known()
    _admit_status_callback_events = _specs['status_callback_events'].check.admit
    _admit_status_callback_url = _specs['status_callback_url'].check.admit
    _c11 = _specs['status_callback_url'].check.known()
    _admit_status_callback_method = _specs['status_callback_method'].check.admit
    _c12 = _specs['status_callback_method'].check.known()
    _admit_stay_alone = _specs['stay_alone'].check.admit
    _admit_coach_mode = _specs['coach_mode'].check.admit
    _admit_mute = _specs['mute'].check.admit
    _admit_hold = _specs['hold'].check.admit
    _admit_start_mpc_on_enter = _specs['start_mpc_on_enter'].check.admit
    _admit_end_mpc_on_exit = _specs['end_mpc_on_exit'].check.admit
    _admit_enter_sound = _specs['enter_sound'].check.admit
    _c13 = _specs['enter_sound'].check.words
    _c14 = _specs['enter_sound'].check.other.known()
    _admit_enter_sound_method = _specs['enter_sound_method'].check.admit
    _c15 = _specs['enter_sound_method'].check.known()
    _admit_exit_sound = _specs['exit_sound'].check.admit
    _c16 = _specs['exit_sound'].check.words
    _c17 = _specs['exit_sound'].check.other.known()
    _admit_exit_sound_method = _specs['exit_sound_method'].check.admit
    _c18 = _specs['exit_sound_method'].check.known()
    _admit_on_exit_action_url = _specs['on_exit_action_url'].check.admit
    _c19 = _specs['on_exit_action_url'].check.known()
    _admit_on_exit_action_method = _specs['on_exit_action_method'].check.admit
    _c20 = _specs['on_exit_action_method'].check.known()
    _admit_relay_dtmf_inputs = _specs['relay_dtmf_inputs'].check.admit
    _admit_start_recording_audio = _specs['start_recording_audio'].check.admit
    _c21 = _specs['start_recording_audio'].check.known()
    _admit_start_recording_audio_method = _specs['start_recording_audio_method'].check.admit
    _c22 = _specs['start_recording_audio_method'].check.known()
    _admit_stop_recording_audio = _specs['stop_recording_audio'].check.admit
    _c23 = _specs['stop_recording_audio'].check.known()
    _admit_stop_recording_audio_method = _specs['stop_recording_audio_method'].check.admit
    _c24 = _specs['stop_recording_audio_method'].check.known()
    _admit_transcript = _specs['transcript'].check.admit
    _admit_transcription_url = _specs['transcription_url'].check.admit
    _c25 = _specs['transcription_url'].check.known()
    _admit_wait_for_agent = _specs['wait_for_agent'].check.admit
    _admit_record_coach_voice = _specs['record_coach_voice'].check.admit
    _admit_ai_agent_stream_service_url = _specs['ai_agent_stream_service_url'].check.admit
    _c26 = _specs['ai_agent_stream_service_url'].check.known()
    _admit_ai_agent_stream_content_type = _specs['ai_agent_stream_content_type'].check.admit
    _c27 = _specs['ai_agent_stream_content_type'].check.known()
    _admit_ai_agent_stream_status_callback_url = _specs['ai_agent_stream_status_callback_url'].check.admit
    _c28 = _specs['ai_agent_stream_status_callback_url'].check.known()
    _admit_ai_agent_stream_status_callback_method = _specs['ai_agent_stream_status_callback_method'].check.admit
    _c29 = _specs['ai_agent_stream_status_callback_method'].check.known()
    _admit_ai_agent_stream_sampling_rate = _specs['ai_agent_stream_sampling_rate'].check.admit
    _admit_ai_agent_stream_extra_headers = _specs['ai_agent_stream_extra_headers'].check.admit
    _c30 = _specs['ai_agent_stream_extra_headers'].check.known()

    def __init__(self, content=_REQUIRED, role=_REQUIRED, max_duration=None, max_participants=None, record_min_member_count=None, wait_music_url=None, wait_music_method=None, wait_time=None, agent_hold_music_url=None, agent_hold_music_method=None, customer_hold_music_url=None, customer_hold_music_method=None, record=None, record_participant_track=None, record_file_format=None, recording_callback_url=None, recording_callback_method=None, status_callback_events=None, status_callback_url=None, status_callback_method=None, stay_alone=None, coach_mode=None, mute=None, hold=None, start_mpc_on_enter=None, end_mpc_on_exit=None, enter_sound=None, enter_sound_method=None, exit_sound=None, exit_sound_method=None, on_exit_action_url=None, on_exit_action_method=None, relay_dtmf_inputs=None, start_recording_audio=None, start_recording_audio_method=None, stop_recording_audio=None, stop_recording_audio_method=None, transcript=None, transcription_url=None, wait_for_agent=None, record_coach_voice=None, ai_agent_stream_service_url=None, ai_agent_stream_content_type=None, ai_agent_stream_status_callback_url=None, ai_agent_stream_status_callback_method=None, ai_agent_stream_sampling_rate=None, ai_agent_stream_extra_headers=None, _by_position=_NOT_GIVEN, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if content is _REQUIRED or content is None:
            raise _cls._refuse('content', None, 'is required')
        if _type(content) is _str and content in _c0:
            _store['content'] = content
        else:
            try:
                _store['content'], _ = _admit_content(content)
            except _Refused as _why:
                raise _cls._refused('content', content, _why) from None
        if role is _REQUIRED or role is None:
            raise _cls._refuse('role', None, 'is required')
        if _type(role) is _str and role in _c1:
            _store['role'] = _wire['role'] = role
        else:
            try:
                _store['role'], _wire['role'] = _admit_role(role)
            except _Refused as _why:
                raise _cls._refused('role', role, _why) from None
        if max_duration is not None:
            if _type(max_duration) is _int and 300 <= max_duration <= 28800:
                _store['max_duration'] = max_duration
                _wire['maxDuration'] = f"{max_duration}"
            else:
                try:
                    _store['max_duration'], _wire['maxDuration'] = _admit_max_duration(max_duration)
                except _Refused as _why:
                    raise _cls._refused('max_duration', max_duration, _why) from None
        if max_participants is not None:
            if _type(max_participants) is _int and 2 <= max_participants <= 10:
                _store['max_participants'] = max_participants
                _wire['maxParticipants'] = f"{max_participants}"
            else:
                try:
                    _store['max_participants'], _wire['maxParticipants'] = _admit_max_participants(max_participants)
                except _Refused as _why:
                    raise _cls._refused('max_participants', max_participants, _why) from None
        if record_min_member_count is not None:
            if _type(record_min_member_count) is _int and 1 <= record_min_member_count <= 2:
                _store['record_min_member_count'] = record_min_member_count
                _wire['recordMinMemberCount'] = f"{record_min_member_count}"
            else:
                try:
                    _store['record_min_member_count'], _wire['recordMinMemberCount'] = _admit_record_min_member_count(record_min_member_count)
                except _Refused as _why:
                    raise _cls._refused('record_min_member_count', record_min_member_count, _why) from None
        if wait_music_url is not None:
            if _type(wait_music_url) is _str and wait_music_url in _c2:
                _store['wait_music_url'] = _wire['waitMusicUrl'] = wait_music_url
            else:
                try:
                    _store['wait_music_url'], _wire['waitMusicUrl'] = _admit_wait_music_url(wait_music_url)
                except _Refused as _why:
                    raise _cls._refused('wait_music_url', wait_music_url, _why) from None
                _store.setdefault('_fresh', {})['waitMusicUrl'] = None
        if wait_music_method is not None:
            if _type(wait_music_method) is _str and wait_music_method in _c3:
                _store['wait_music_method'] = _wire['waitMusicMethod'] = wait_music_method
            else:
                try:
                    _store['wait_music_method'], _wire['waitMusicMethod'] = _admit_wait_music_method(wait_music_method)
                except _Refused as _why:
                    raise _cls._refused('wait_music_method', wait_music_method, _why) from None
        if wait_time is not None:
            if _type(wait_time) is _int and 0 <= wait_time <= 1800:
                _store['wait_time'] = wait_time
                _wire['waitTime'] = f"{wait_time}"
            else:
                try:
                    _store['wait_time'], _wire['waitTime'] = _admit_wait_time(wait_time)
                except _Refused as _why:
                    raise _cls._refused('wait_time', wait_time, _why) from None
        if agent_hold_music_url is not None:
            if _type(agent_hold_music_url) is _str and agent_hold_music_url in _c4:
                _store['agent_hold_music_url'] = _wire['agentHoldMusicUrl'] = agent_hold_music_url
            else:
                try:
                    _store['agent_hold_music_url'], _wire['agentHoldMusicUrl'] = _admit_agent_hold_music_url(agent_hold_music_url)
                except _Refused as _why:
                    raise _cls._refused('agent_hold_music_url', agent_hold_music_url, _why) from None
                _store.setdefault('_fresh', {})['agentHoldMusicUrl'] = None
        if agent_hold_music_method is not None:
            if _type(agent_hold_music_method) is _str and agent_hold_music_method in _c5:
                _store['agent_hold_music_method'] = _wire['agentHoldMusicMethod'] = agent_hold_music_method
            else:
                try:
                    _store['agent_hold_music_method'], _wire['agentHoldMusicMethod'] = _admit_agent_hold_music_method(agent_hold_music_method)
                except _Refused as _why:
                    raise _cls._refused('agent_hold_music_method', agent_hold_music_method, _why) from None
        if customer_hold_music_url is not None:
            if _type(customer_hold_music_url) is _str and customer_hold_music_url in _c6:
                _store['customer_hold_music_url'] = _wire['customerHoldMusicUrl'] = customer_hold_music_url
            else:
                try:
                    _store['customer_hold_music_url'], _wire['customerHoldMusicUrl'] = _admit_customer_hold_music_url(customer_hold_music_url)
                except _Refused as _why:
                    raise _cls._refused('customer_hold_music_url', customer_hold_music_url, _why) from None
                _store.setdefault('_fresh', {})['customerHoldMusicUrl'] = None
        if customer_hold_music_method is not None:
            if _type(customer_hold_music_method) is _str and customer_hold_music_method in _c7:
                _store['customer_hold_music_method'] = _wire['customerHoldMusicMethod'] = customer_hold_music_method
            else:
                try:
                    _store['customer_hold_music_method'], _wire['customerHoldMusicMethod'] = _admit_customer_hold_music_method(customer_hold_music_method)
                except _Refused as _why:
                    raise _cls._refused('customer_hold_music_method', customer_hold_music_method, _why) from None
        if record is not None:
            if record is True or record is False:
                _store['record'] = record
                _wire['record'] = 'true' if record else 'false'
            else:
                try:
                    _store['record'], _wire['record'] = _admit_record(record)
                except _Refused as _why:
                    raise _cls._refused('record', record, _why) from None
        if record_participant_track is not None:
            if record_participant_track is True or record_participant_track is False:
                _store['record_participant_track'] = record_participant_track
                _wire['recordParticipantTrack'] = 'true' if record_participant_track else 'false'
            else:
                try:
                    _store['record_participant_track'], _wire['recordParticipantTrack'] = _admit_record_participant_track(record_participant_track)
                except _Refused as _why:
                    raise _cls._refused('record_participant_track', record_participant_track, _why) from None
        if record_file_format is not None:
            if _type(record_file_format) is _str and record_file_format in _c8:
                _store['record_file_format'] = _wire['recordFileFormat'] = record_file_format
            else:
                try:
                    _store['record_file_format'], _wire['recordFileFormat'] = _admit_record_file_format(record_file_format)
                except _Refused as _why:
                    raise _cls._refused('record_file_format', record_file_format, _why) from None
        if recording_callback_url is not None:
            if _type(recording_callback_url) is _str and recording_callback_url in _c9:
                _store['recording_callback_url'] = _wire['recordingCallbackUrl'] = recording_callback_url
            else:
                try:
                    _store['recording_callback_url'], _wire['recordingCallbackUrl'] = _admit_recording_callback_url(recording_callback_url)
                except _Refused as _why:
                    raise _cls._refused('recording_callback_url', recording_callback_url, _why) from None
                _store.setdefault('_fresh', {})['recordingCallbackUrl'] = None
        if recording_callback_method is not None:
            if _type(recording_callback_method) is _str and recording_callback_method in _c10:
                _store['recording_callback_method'] = _wire['recordingCallbackMethod'] = recording_callback_method
            else:
                try:
                    _store['recording_callback_method'], _wire['recordingCallbackMethod'] = _admit_recording_callback_method(recording_callback_method)
                except _Refused as _why:
                    raise _cls._refused('recording_callback_method', recording_callback_method, _why) from None
        if status_callback_events is not None:
            try:
                _store['status_callback_events'], _wire['statusCallbackEvents'] = _admit_status_callback_events(status_callback_events)
            except _Refused as _why:
                raise _cls._refused('status_callback_events', status_callback_events, _why) from None
        if status_callback_url is not None:
            if _type(status_callback_url) is _str and status_callback_url in _c11:
                _store['status_callback_url'] = _wire['statusCallbackUrl'] = status_callback_url
            else:
                try:
                    _store['status_callback_url'], _wire['statusCallbackUrl'] = _admit_status_callback_url(status_callback_url)
                except _Refused as _why:
                    raise _cls._refused('status_callback_url', status_callback_url, _why) from None
                _store.setdefault('_fresh', {})['statusCallbackUrl'] = None
        if status_callback_method is not None:
            if _type(status_callback_method) is _str and status_callback_method in _c12:
                _store['status_callback_method'] = _wire['statusCallbackMethod'] = status_callback_method
            else:
                try:
                    _store['status_callback_method'], _wire['statusCallbackMethod'] = _admit_status_callback_method(status_callback_method)
                except _Refused as _why:
                    raise _cls._refused('status_callback_method', status_callback_method, _why) from None
        if stay_alone is not None:
            if stay_alone is True or stay_alone is False:
                _store['stay_alone'] = stay_alone
                _wire['stayAlone'] = 'true' if stay_alone else 'false'
            else:
                try:
                    _store['stay_alone'], _wire['stayAlone'] = _admit_stay_alone(stay_alone)
                except _Refused as _why:
                    raise _cls._refused('stay_alone', stay_alone, _why) from None
        if coach_mode is not None:
            if coach_mode is True or coach_mode is False:
                _store['coach_mode'] = coach_mode
                _wire['coachMode'] = 'true' if coach_mode else 'false'
            else:
                try:
                    _store['coach_mode'], _wire['coachMode'] = _admit_coach_mode(coach_mode)
                except _Refused as _why:
                    raise _cls._refused('coach_mode', coach_mode, _why) from None
        if mute is not None:
            if mute is True or mute is False:
                _store['mute'] = mute
                _wire['mute'] = 'true' if mute else 'false'
            else:
                try:
                    _store['mute'], _wire['mute'] = _admit_mute(mute)
                except _Refused as _why:
                    raise _cls._refused('mute', mute, _why) from None
        if hold is not None:
            if hold is True or hold is False:
                _store['hold'] = hold
                _wire['hold'] = 'true' if hold else 'false'
            else:
                try:
                    _store['hold'], _wire['hold'] = _admit_hold(hold)
                except _Refused as _why:
                    raise _cls._refused('hold', hold, _why) from None
        if start_mpc_on_enter is not None:
            if start_mpc_on_enter is True or start_mpc_on_enter is False:
                _store['start_mpc_on_enter'] = start_mpc_on_enter
                _wire['startMpcOnEnter'] = 'true' if start_mpc_on_enter else 'false'
            else:
                try:
                    _store['start_mpc_on_enter'], _wire['startMpcOnEnter'] = _admit_start_mpc_on_enter(start_mpc_on_enter)
                except _Refused as _why:
                    raise _cls._refused('start_mpc_on_enter', start_mpc_on_enter, _why) from None
        if end_mpc_on_exit is not None:
            if end_mpc_on_exit is True or end_mpc_on_exit is False:
                _store['end_mpc_on_exit'] = end_mpc_on_exit
                _wire['endMpcOnExit'] = 'true' if end_mpc_on_exit else 'false'
            else:
                try:
                    _store['end_mpc_on_exit'], _wire['endMpcOnExit'] = _admit_end_mpc_on_exit(end_mpc_on_exit)
                except _Refused as _why:
                    raise _cls._refused('end_mpc_on_exit', end_mpc_on_exit, _why) from None
        if enter_sound is not None:
            if _type(enter_sound) is _str and enter_sound in _c13:
                _store['enter_sound'] = _wire['enterSound'] = enter_sound
            elif _type(enter_sound) is _str and enter_sound in _c14:
                _store['enter_sound'] = _wire['enterSound'] = enter_sound
            else:
                try:
                    _store['enter_sound'], _wire['enterSound'] = _admit_enter_sound(enter_sound)
                except _Refused as _why:
                    raise _cls._refused('enter_sound', enter_sound, _why) from None
                _store.setdefault('_fresh', {})['enterSound'] = None
        if enter_sound_method is not None:
            if _type(enter_sound_method) is _str and enter_sound_method in _c15:
                _store['enter_sound_method'] = _wire['enterSoundMethod'] = enter_sound_method
            else:
                try:
                    _store['enter_sound_method'], _wire['enterSoundMethod'] = _admit_enter_sound_method(enter_sound_method)
                except _Refused as _why:
                    raise _cls._refused('enter_sound_method', enter_sound_method, _why) from None
        if exit_sound is not None:
            if _type(exit_sound) is _str and exit_sound in _c16:
                _store['exit_sound'] = _wire['exitSound'] = exit_sound
            elif _type(exit_sound) is _str and exit_sound in _c17:
                _store['exit_sound'] = _wire['exitSound'] = exit_sound
            else:
                try:
                    _store['exit_sound'], _wire['exitSound'] = _admit_exit_sound(exit_sound)
                except _Refused as _why:
                    raise _cls._refused('exit_sound', exit_sound, _why) from None
                _store.setdefault('_fresh', {})['exitSound'] = None
        if exit_sound_method is not None:
            if _type(exit_sound_method) is _str and exit_sound_method in _c18:
                _store['exit_sound_method'] = _wire['exitSoundMethod'] = exit_sound_method
            else:
                try:
                    _store['exit_sound_method'], _wire['exitSoundMethod'] = _admit_exit_sound_method(exit_sound_method)
                except _Refused as _why:
                    raise _cls._refused('exit_sound_method', exit_sound_method, _why) from None
        if on_exit_action_url is not None:
            if _type(on_exit_action_url) is _str and on_exit_action_url in _c19:
                _store['on_exit_action_url'] = _wire['onExitActionUrl'] = on_exit_action_url
            else:
                try:
                    _store['on_exit_action_url'], _wire['onExitActionUrl'] = _admit_on_exit_action_url(on_exit_action_url)
                except _Refused as _why:
                    raise _cls._refused('on_exit_action_url', on_exit_action_url, _why) from None
                _store.setdefault('_fresh', {})['onExitActionUrl'] = None
        if on_exit_action_method is not None:
            if _type(on_exit_action_method) is _str and on_exit_action_method in _c20:
                _store['on_exit_action_method'] = _wire['onExitActionMethod'] = on_exit_action_method
            else:
                try:
                    _store['on_exit_action_method'], _wire['onExitActionMethod'] = _admit_on_exit_action_method(on_exit_action_method)
                except _Refused as _why:
                    raise _cls._refused('on_exit_action_method', on_exit_action_method, _why) from None
        if relay_dtmf_inputs is not None:
            if relay_dtmf_inputs is True or relay_dtmf_inputs is False:
                _store['relay_dtmf_inputs'] = relay_dtmf_inputs
                _wire['relayDTMFInputs'] = 'true' if relay_dtmf_inputs else 'false'
            else:
                try:
                    _store['relay_dtmf_inputs'], _wire['relayDTMFInputs'] = _admit_relay_dtmf_inputs(relay_dtmf_inputs)
                except _Refused as _why:
                    raise _cls._refused('relay_dtmf_inputs', relay_dtmf_inputs, _why) from None
        if start_recording_audio is not None:
            if _type(start_recording_audio) is _str and start_recording_audio in _c21:
                _store['start_recording_audio'] = _wire['startRecordingAudio'] = start_recording_audio
            else:
                try:
                    _store['start_recording_audio'], _wire['startRecordingAudio'] = _admit_start_recording_audio(start_recording_audio)
                except _Refused as _why:
                    raise _cls._refused('start_recording_audio', start_recording_audio, _why) from None
                _store.setdefault('_fresh', {})['startRecordingAudio'] = None
        if start_recording_audio_method is not None:
            if _type(start_recording_audio_method) is _str and start_recording_audio_method in _c22:
                _store['start_recording_audio_method'] = _wire['startRecordingAudioMethod'] = start_recording_audio_method
            else:
                try:
                    _store['start_recording_audio_method'], _wire['startRecordingAudioMethod'] = _admit_start_recording_audio_method(start_recording_audio_method)
                except _Refused as _why:
                    raise _cls._refused('start_recording_audio_method', start_recording_audio_method, _why) from None
        if stop_recording_audio is not None:
            if _type(stop_recording_audio) is _str and stop_recording_audio in _c23:
                _store['stop_recording_audio'] = _wire['stopRecordingAudio'] = stop_recording_audio
            else:
                try:
                    _store['stop_recording_audio'], _wire['stopRecordingAudio'] = _admit_stop_recording_audio(stop_recording_audio)
                except _Refused as _why:
                    raise _cls._refused('stop_recording_audio', stop_recording_audio, _why) from None
                _store.setdefault('_fresh', {})['stopRecordingAudio'] = None
        if stop_recording_audio_method is not None:
            if _type(stop_recording_audio_method) is _str and stop_recording_audio_method in _c24:
                _store['stop_recording_audio_method'] = _wire['stopRecordingAudioMethod'] = stop_recording_audio_method
            else:
                try:
                    _store['stop_recording_audio_method'], _wire['stopRecordingAudioMethod'] = _admit_stop_recording_audio_method(stop_recording_audio_method)
                except _Refused as _why:
                    raise _cls._refused('stop_recording_audio_method', stop_recording_audio_method, _why) from None
        if transcript is not None:
            if transcript is True or transcript is False:
                _store['transcript'] = transcript
                _wire['transcript'] = 'true' if transcript else 'false'
            else:
                try:
                    _store['transcript'], _wire['transcript'] = _admit_transcript(transcript)
                except _Refused as _why:
                    raise _cls._refused('transcript', transcript, _why) from None
        if transcription_url is not None:
            if _type(transcription_url) is _str and transcription_url in _c25:
                _store['transcription_url'] = _wire['transcriptionUrl'] = transcription_url
            else:
                try:
                    _store['transcription_url'], _wire['transcriptionUrl'] = _admit_transcription_url(transcription_url)
                except _Refused as _why:
                    raise _cls._refused('transcription_url', transcription_url, _why) from None
                _store.setdefault('_fresh', {})['transcriptionUrl'] = None
        if wait_for_agent is not None:
            if wait_for_agent is True or wait_for_agent is False:
                _store['wait_for_agent'] = wait_for_agent
                _wire['waitForAgent'] = 'true' if wait_for_agent else 'false'
            else:
                try:
                    _store['wait_for_agent'], _wire['waitForAgent'] = _admit_wait_for_agent(wait_for_agent)
                except _Refused as _why:
                    raise _cls._refused('wait_for_agent', wait_for_agent, _why) from None
        if record_coach_voice is not None:
            if record_coach_voice is True or record_coach_voice is False:
                _store['record_coach_voice'] = record_coach_voice
                _wire['recordCoachVoice'] = 'true' if record_coach_voice else 'false'
            else:
                try:
                    _store['record_coach_voice'], _wire['recordCoachVoice'] = _admit_record_coach_voice(record_coach_voice)
                except _Refused as _why:
                    raise _cls._refused('record_coach_voice', record_coach_voice, _why) from None
        if ai_agent_stream_service_url is not None:
            if _type(ai_agent_stream_service_url) is _str and ai_agent_stream_service_url in _c26:
                _store['ai_agent_stream_service_url'] = _wire['aiAgentStreamServiceUrl'] = ai_agent_stream_service_url
            else:
                try:
                    _store['ai_agent_stream_service_url'], _wire['aiAgentStreamServiceUrl'] = _admit_ai_agent_stream_service_url(ai_agent_stream_service_url)
                except _Refused as _why:
                    raise _cls._refused('ai_agent_stream_service_url', ai_agent_stream_service_url, _why) from None
                _store.setdefault('_fresh', {})['aiAgentStreamServiceUrl'] = None
        if ai_agent_stream_content_type is not None:
            if _type(ai_agent_stream_content_type) is _str and ai_agent_stream_content_type in _c27:
                _store['ai_agent_stream_content_type'] = _wire['aiAgentStreamContentType'] = ai_agent_stream_content_type
            else:
                try:
                    _store['ai_agent_stream_content_type'], _wire['aiAgentStreamContentType'] = _admit_ai_agent_stream_content_type(ai_agent_stream_content_type)
                except _Refused as _why:
                    raise _cls._refused('ai_agent_stream_content_type', ai_agent_stream_content_type, _why) from None
                _store.setdefault('_fresh', {})['aiAgentStreamContentType'] = None
        if ai_agent_stream_status_callback_url is not None:
            if _type(ai_agent_stream_status_callback_url) is _str and ai_agent_stream_status_callback_url in _c28:
                _store['ai_agent_stream_status_callback_url'] = _wire['aiAgentStreamStatusCallbackUrl'] = ai_agent_stream_status_callback_url
            else:
                try:
                    _store['ai_agent_stream_status_callback_url'], _wire['aiAgentStreamStatusCallbackUrl'] = _admit_ai_agent_stream_status_callback_url(ai_agent_stream_status_callback_url)
                except _Refused as _why:
                    raise _cls._refused('ai_agent_stream_status_callback_url', ai_agent_stream_status_callback_url, _why) from None
                _store.setdefault('_fresh', {})['aiAgentStreamStatusCallbackUrl'] = None
        if ai_agent_stream_status_callback_method is not None:
            if _type(ai_agent_stream_status_callback_method) is _str and ai_agent_stream_status_callback_method in _c29:
                _store['ai_agent_stream_status_callback_method'] = _wire['aiAgentStreamStatusCallbackMethod'] = ai_agent_stream_status_callback_method
            else:
                try:
                    _store['ai_agent_stream_status_callback_method'], _wire['aiAgentStreamStatusCallbackMethod'] = _admit_ai_agent_stream_status_callback_method(ai_agent_stream_status_callback_method)
                except _Refused as _why:
                    raise _cls._refused('ai_agent_stream_status_callback_method', ai_agent_stream_status_callback_method, _why) from None
        if ai_agent_stream_sampling_rate is not None:
            if _type(ai_agent_stream_sampling_rate) is _int and 1 <= ai_agent_stream_sampling_rate <= 2147483647:
                _store['ai_agent_stream_sampling_rate'] = ai_agent_stream_sampling_rate
                _wire['aiAgentStreamSamplingRate'] = f"{ai_agent_stream_sampling_rate}"
            else:
                try:
                    _store['ai_agent_stream_sampling_rate'], _wire['aiAgentStreamSamplingRate'] = _admit_ai_agent_stream_sampling_rate(ai_agent_stream_sampling_rate)
                except _Refused as _why:
                    raise _cls._refused('ai_agent_stream_sampling_rate', ai_agent_stream_sampling_rate, _why) from None
        if ai_agent_stream_extra_headers is not None:
            if _type(ai_agent_stream_extra_headers) is _str and ai_agent_stream_extra_headers in _c30:
                _store['ai_agent_stream_extra_headers'] = _wire['aiAgentStreamExtraHeaders'] = ai_agent_stream_extra_headers
            else:
                try:
                    _store['ai_agent_stream_extra_headers'], _wire['aiAgentStreamExtraHeaders'] = _admit_ai_agent_stream_extra_headers(ai_agent_stream_extra_headers)
                except _Refused as _why:
                    raise _cls._refused('ai_agent_stream_extra_headers', ai_agent_stream_extra_headers, _why) from None
                _store.setdefault('_fresh', {})['aiAgentStreamExtraHeaders'] = None
        _store['_wire'] = _wire

    return __init__


def _signals_DTMF(_cls):
    _specs = _cls.specs
    _admit_content = _specs['content'].check.admit
    _c0 = _specs['content'].check.known()
    _admit_async_ = _specs['async_'].check.admit

    def __init__(self, content=_REQUIRED, async_=None, _by_position=_NOT_GIVEN, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if content is _REQUIRED or content is None:
            raise _cls._refuse('content', None, 'is required')
        if _type(content) is _str and content in _c0:
            _store['content'] = content
        else:
            try:
                _store['content'], _ = _admit_content(content)
            except _Refused as _why:
                raise _cls._refused('content', content, _why) from None
        if async_ is not None:
            if async_ is True or async_ is False:
                _store['async_'] = async_
                _wire['async'] = 'true' if async_ else 'false'
            else:
                try:
                    _store['async_'], _wire['async'] = _admit_async_(async_)
                except _Refused as _why:
                    raise _cls._refused('async_', async_, _why) from None
        _store['_wire'] = _wire

    return __init__


def _signals_Message(_cls):
    _specs = _cls.specs
    _admit_content = _specs['content'].check.admit
    _c0 = _specs['content'].check.known()
    _admit_src = _specs['src'].check.admit
    _c1 = _specs['src'].check.known()
    _admit_dst = _specs['dst'].check.admit
    _c2 = _specs['dst'].check.known()
    _admit_type = _specs['type'].check.admit
    _c3 = _specs['type'].check.known()
    _admit_callback_url = _specs['callback_url'].check.admit
    _c4 = _specs['callback_url'].check.known()
    _admit_callback_method = _specs['callback_method'].check.admit
    _c5 = _specs['callback_method'].check.known()

    def __init__(self, content=_REQUIRED, src=None, dst=None, type=None, callback_url=None, callback_method=None, _by_position=_NOT_GIVEN, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if content is _REQUIRED or content is None:
            raise _cls._refuse('content', None, 'is required')
        if _type(content) is _str and content in _c0:
            _store['content'] = content
        else:
            try:
                _store['content'], _ = _admit_content(content)
            except _Refused as _why:
                raise _cls._refused('content', content, _why) from None
        if src is not None:
            if _type(src) is _str and src in _c1:
                _store['src'] = _wire['src'] = src
            else:
                try:
                    _store['src'], _wire['src'] = _admit_src(src)
                except _Refused as _why:
                    raise _cls._refused('src', src, _why) from None
                _store.setdefault('_fresh', {})['src'] = None
        if dst is not None:
            if _type(dst) is _str and dst in _c2:
                _store['dst'] = _wire['dst'] = dst
            else:
                try:
                    _store['dst'], _wire['dst'] = _admit_dst(dst)
                except _Refused as _why:
                    raise _cls._refused('dst', dst, _why) from None
                _store.setdefault('_fresh', {})['dst'] = None
        if type is not None:
            if _type(type) is _str and type in _c3:
                _store['type'] = _wire['type'] = type
            else:
                try:
                    _store['type'], _wire['type'] = _admit_type(type)
                except _Refused as _why:
                    raise _cls._refused('type', type, _why) from None
        if callback_url is not None:
            if _type(callback_url) is _str and callback_url in _c4:
                _store['callback_url'] = _wire['callbackUrl'] = callback_url
            else:
                try:
                    _store['callback_url'], _wire['callbackUrl'] = _admit_callback_url(callback_url)
                except _Refused as _why:
                    raise _cls._refused('callback_url', callback_url, _why) from None
                _store.setdefault('_fresh', {})['callbackUrl'] = None
        if callback_method is not None:
            if _type(callback_method) is _str and callback_method in _c5:
                _store['callback_method'] = _wire['callbackMethod'] = callback_method
            else:
                try:
                    _store['callback_method'], _wire['callbackMethod'] = _admit_callback_method(callback_method)
                except _Refused as _why:
                    raise _cls._refused('callback_method', callback_method, _why) from None
        _store['_wire'] = _wire

    return __init__


def _signals_Stream(_cls):
    _specs = _cls.specs
    _admit_content = _specs['content'].check.admit
    _c0 = _specs['content'].check.known()
    _admit_bidirectional = _specs['bidirectional'].check.admit
    _admit_audioTrack = _specs['audioTrack'].check.admit
    _c1 = _specs['audioTrack'].check.known()
    _admit_streamTimeout = _specs['streamTimeout'].check.admit
    _admit_statusCallbackUrl = _specs['statusCallbackUrl'].check.admit
    _c2 = _specs['statusCallbackUrl'].check.known()
    _admit_statusCallbackMethod = _specs['statusCallbackMethod'].check.admit
    _c3 = _specs['statusCallbackMethod'].check.known()
    _admit_contentType = _specs['contentType'].check.admit
    _c4 = _specs['contentType'].check.known()
    _admit_extraHeaders = _specs['extraHeaders'].check.admit
    _c5 = _specs['extraHeaders'].check.known()
    _admit_keepCallAlive = _specs['keepCallAlive'].check.admit

    def __init__(self, content=_REQUIRED, bidirectional=None, audioTrack=None, streamTimeout=None, statusCallbackUrl=None, statusCallbackMethod=None, contentType=None, extraHeaders=None, keepCallAlive=None, _by_position=_NOT_GIVEN, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if content is _REQUIRED or content is None:
            raise _cls._refuse('content', None, 'is required')
        if _type(content) is _str and content in _c0:
            _store['content'] = content
        else:
            try:
                _store['content'], _ = _admit_content(content)
            except _Refused as _why:
                raise _cls._refused('content', content, _why) from None
        if bidirectional is not None:
            if bidirectional is True or bidirectional is False:
                _store['bidirectional'] = bidirectional
                _wire['bidirectional'] = 'true' if bidirectional else 'false'
            else:
                try:
                    _store['bidirectional'], _wire['bidirectional'] = _admit_bidirectional(bidirectional)
                except _Refused as _why:
                    raise _cls._refused('bidirectional', bidirectional, _why) from None
        if audioTrack is not None:
            if _type(audioTrack) is _str and audioTrack in _c1:
                _store['audioTrack'] = _wire['audioTrack'] = audioTrack
            else:
                try:
                    _store['audioTrack'], _wire['audioTrack'] = _admit_audioTrack(audioTrack)
                except _Refused as _why:
                    raise _cls._refused('audioTrack', audioTrack, _why) from None
        if streamTimeout is not None:
            if _type(streamTimeout) is _int and 1 <= streamTimeout <= 2147483647:
                _store['streamTimeout'] = streamTimeout
                _wire['streamTimeout'] = f"{streamTimeout}"
            else:
                try:
                    _store['streamTimeout'], _wire['streamTimeout'] = _admit_streamTimeout(streamTimeout)
                except _Refused as _why:
                    raise _cls._refused('streamTimeout', streamTimeout, _why) from None
        if statusCallbackUrl is not None:
            if _type(statusCallbackUrl) is _str and statusCallbackUrl in _c2:
                _store['statusCallbackUrl'] = _wire['statusCallbackUrl'] = statusCallbackUrl
            else:
                try:
                    _store['statusCallbackUrl'], _wire['statusCallbackUrl'] = _admit_statusCallbackUrl(statusCallbackUrl)
                except _Refused as _why:
                    raise _cls._refused('statusCallbackUrl', statusCallbackUrl, _why) from None
                _store.setdefault('_fresh', {})['statusCallbackUrl'] = None
        if statusCallbackMethod is not None:
            if _type(statusCallbackMethod) is _str and statusCallbackMethod in _c3:
                _store['statusCallbackMethod'] = _wire['statusCallbackMethod'] = statusCallbackMethod
            else:
                try:
                    _store['statusCallbackMethod'], _wire['statusCallbackMethod'] = _admit_statusCallbackMethod(statusCallbackMethod)
                except _Refused as _why:
                    raise _cls._refused('statusCallbackMethod', statusCallbackMethod, _why) from None
        if contentType is not None:
            if _type(contentType) is _str and contentType in _c4:
                _store['contentType'] = _wire['contentType'] = contentType
            else:
                try:
                    _store['contentType'], _wire['contentType'] = _admit_contentType(contentType)
                except _Refused as _why:
                    raise _cls._refused('contentType', contentType, _why) from None
        if extraHeaders is not None:
            if _type(extraHeaders) is _str and extraHeaders in _c5:
                _store['extraHeaders'] = _wire['extraHeaders'] = extraHeaders
            else:
                try:
                    _store['extraHeaders'], _wire['extraHeaders'] = _admit_extraHeaders(extraHeaders)
                except _Refused as _why:
                    raise _cls._refused('extraHeaders', extraHeaders, _why) from None
                _store.setdefault('_fresh', {})['extraHeaders'] = None
        if keepCallAlive is not None:
            if keepCallAlive is True or keepCallAlive is False:
                _store['keepCallAlive'] = keepCallAlive
                _wire['keepCallAlive'] = 'true' if keepCallAlive else 'false'
            else:
                try:
                    _store['keepCallAlive'], _wire['keepCallAlive'] = _admit_keepCallAlive(keepCallAlive)
                except _Refused as _why:
                    raise _cls._refused('keepCallAlive', keepCallAlive, _why) from None
        _store['_wire'] = _wire

    return __init__


def _preanswer_PreAnswer(_cls):
    _specs = _cls.specs

    def __init__(self, _by_position=_NOT_GIVEN, children=None, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        _store['_wire'] = _wire
        _store['children'] = []
        if children is not None:
            self._set_children(children)

    return __init__


def _record_Record(_cls):
    _specs = _cls.specs
    _admit_action = _specs['action'].check.admit
    _c0 = _specs['action'].check.known()
    _admit_method = _specs['method'].check.admit
    _c1 = _specs['method'].check.known()
    _admit_file_format = _specs['file_format'].check.admit
    _c2 = _specs['file_format'].check.known()
    _admit_redirect = _specs['redirect'].check.admit
    _admit_timeout = _specs['timeout'].check.admit
    _admit_max_length = _specs['max_length'].check.admit
    _admit_play_beep = _specs['play_beep'].check.admit
    _admit_finish_on_key = _specs['finish_on_key'].check.admit
    _c3 = _specs['finish_on_key'].check.known()
    _admit_record_session = _specs['record_session'].check.admit
    _admit_start_on_dial_answer = _specs['start_on_dial_answer'].check.admit
    _admit_transcription_type = _specs['transcription_type'].check.admit
    _c4 = _specs['transcription_type'].check.known()
    _admit_transcription_url = _specs['transcription_url'].check.admit
    _c5 = _specs['transcription_url'].check.known()
    _admit_transcription_method = _specs['transcription_method'].check.admit
    _c6 = _specs['transcription_method'].check.known()
    _admit_transcription_report_type = _specs['transcription_report_type'].check.admit
    _c7 = _specs['transcription_report_type'].check.known()
    _admit_callback_url = _specs['callback_url'].check.admit
    _c8 = _specs['callback_url'].check.known()
    _admit_callback_method = _specs['callback_method'].check.admit
    _c9 = _specs['callback_method'].check.known()
    _admit_record_channel_type = _specs['record_channel_type'].check.admit
    _c10 = _specs['record_channel_type'].check.known()

    def __init__(self, action=None, method=None, file_format=None, redirect=None, timeout=None, max_length=None, play_beep=None, finish_on_key=None, record_session=None, start_on_dial_answer=None, transcription_type=None, transcription_url=None, transcription_method=None, transcription_report_type=None, callback_url=None, callback_method=None, record_channel_type=None, _by_position=_NOT_GIVEN, **_unknown):
        if _by_position is not _NOT_GIVEN or _unknown:
            raise _cls._bad_call(_by_position, _unknown)
        _store = self.__dict__
        _wire = {}
        if action is not None:
            if _type(action) is _str and action in _c0:
                _store['action'] = _wire['action'] = action
            else:
                try:
                    _store['action'], _wire['action'] = _admit_action(action)
                except _Refused as _why:
                    raise _cls._refused('action', action, _why) from None
                _store.setdefault('_fresh', {})['action'] = None
        if method is not None:
            if _type(method) is _str and method in _c1:
                _store['method'] = _wire['method'] = method
            else:
                try:
                    _store['method'], _wire['method'] = _admit_method(method)
                except _Refused as _why:
                    raise _cls._refused('method', method, _why) from None
        if file_format is not None:
            if _type(file_format) is _str and file_format in _c2:
                _store['file_format'] = _wire['fileFormat'] = file_format
            else:
                try:
                    _store['file_format'], _wire['fileFormat'] = _admit_file_format(file_format)
                except _Refused as _why:
                    raise _cls._refused('file_format', file_format, _why) from None
        if redirect is not None:
            if redirect is True or redirect is False:
                _store['redirect'] = redirect
                _wire['redirect'] = 'true' if redirect else 'false'
            else:
                try:
                    _store['redirect'], _wire['redirect'] = _admit_redirect(redirect)
                except _Refused as _why:
                    raise _cls._refused('redirect', redirect, _why) from None
        if timeout is not None:
            if _type(timeout) is _int and 1 <= timeout <= 2147483647:
                _store['timeout'] = timeout
                _wire['timeout'] = f"{timeout}"
            else:
                try:
                    _store['timeout'], _wire['timeout'] = _admit_timeout(timeout)
                except _Refused as _why:
                    raise _cls._refused('timeout', timeout, _why) from None
        if max_length is not None:
            if _type(max_length) is _int and 2 <= max_length <= 2147483647:
                _store['max_length'] = max_length
                _wire['maxLength'] = f"{max_length}"
            else:
                try:
                    _store['max_length'], _wire['maxLength'] = _admit_max_length(max_length)
                except _Refused as _why:
                    raise _cls._refused('max_length', max_length, _why) from None
        if play_beep is not None:
            if play_beep is True or play_beep is False:
                _store['play_beep'] = play_beep
                _wire['playBeep'] = 'true' if play_beep else 'false'
            else:
                try:
                    _store['play_beep'], _wire['playBeep'] = _admit_play_beep(play_beep)
                except _Refused as _why:
                    raise _cls._refused('play_beep', play_beep, _why) from None
        if finish_on_key is not None:
            if _type(finish_on_key) is _str and finish_on_key in _c3:
                _store['finish_on_key'] = _wire['finishOnKey'] = finish_on_key
            else:
                try:
                    _store['finish_on_key'], _wire['finishOnKey'] = _admit_finish_on_key(finish_on_key)
                except _Refused as _why:
                    raise _cls._refused('finish_on_key', finish_on_key, _why) from None
                _store.setdefault('_fresh', {})['finishOnKey'] = None
        if record_session is not None:
            if record_session is True or record_session is False:
                _store['record_session'] = record_session
                _wire['recordSession'] = 'true' if record_session else 'false'
            else:
                try:
                    _store['record_session'], _wire['recordSession'] = _admit_record_session(record_session)
                except _Refused as _why:
                    raise _cls._refused('record_session', record_session, _why) from None
        if start_on_dial_answer is not None:
            if start_on_dial_answer is True or start_on_dial_answer is False:
                _store['start_on_dial_answer'] = start_on_dial_answer
                _wire['startOnDialAnswer'] = 'true' if start_on_dial_answer else 'false'
            else:
                try:
                    _store['start_on_dial_answer'], _wire['startOnDialAnswer'] = _admit_start_on_dial_answer(start_on_dial_answer)
                except _Refused as _why:
                    raise _cls._refused('start_on_dial_answer', start_on_dial_answer, _why) from None
        if transcription_type is not None:
            if _type(transcription_type) is _str and transcription_type in _c4:
                _store['transcription_type'] = _wire['transcriptionType'] = transcription_type
            else:
                try:
                    _store['transcription_type'], _wire['transcriptionType'] = _admit_transcription_type(transcription_type)
                except _Refused as _why:
                    raise _cls._refused('transcription_type', transcription_type, _why) from None
        if transcription_url is not None:
            if _type(transcription_url) is _str and transcription_url in _c5:
                _store['transcription_url'] = _wire['transcriptionUrl'] = transcription_url
            else:
                try:
                    _store['transcription_url'], _wire['transcriptionUrl'] = _admit_transcription_url(transcription_url)
                except _Refused as _why:
                    raise _cls._refused('transcription_url', transcription_url, _why) from None
                _store.setdefault('_fresh', {})['transcriptionUrl'] = None
        if transcription_method is not None:
            if _type(transcription_method) is _str and transcription_method in _c6:
                _store['transcription_method'] = _wire['transcriptionMethod'] = transcription_method
            else:
                try:
                    _store['transcription_method'], _wire['transcriptionMethod'] = _admit_transcription_method(transcription_method)
                except _Refused as _why:
                    raise _cls._refused('transcription_method', transcription_method, _why) from None
        if transcription_report_type is not None:
            if _type(transcription_report_type) is _str and transcription_report_type in _c7:
                _store['transcription_report_type'] = _wire['transcriptionReportType'] = transcription_report_type
            else:
                try:
                    _store['transcription_report_type'], _wire['transcriptionReportType'] = _admit_transcription_report_type(transcription_report_type)
                except _Refused as _why:
                    raise _cls._refused('transcription_report_type', transcription_report_type, _why) from None
        if callback_url is not None:
            if _type(callback_url) is _str and callback_url in _c8:
                _store['callback_url'] = _wire['callbackUrl'] = callback_url
            else:
                try:
                    _store['callback_url'], _wire['callbackUrl'] = _admit_callback_url(callback_url)
                except _Refused as _why:
                    raise _cls._refused('callback_url', callback_url, _why) from None
                _store.setdefault('_fresh', {})['callbackUrl'] = None
        if callback_method is not None:
            if _type(callback_method) is _str and callback_method in _c9:
                _store['callback_method'] = _wire['callbackMethod'] = callback_method
            else:
                try:
                    _store['callback_method'], _wire['callbackMethod'] = _admit_callback_method(callback_method)
                except _Refused as _why:
                    raise _cls._refused('callback_method', callback_method, _why) from None
        if record_channel_type is not None:
            if _type(record_channel_type) is _str and record_channel_type in _c10:
                _store['record_channel_type'] = _wire['recordChannelType'] = record_channel_type
            else:
                try:
                    _store['record_channel_type'], _wire['recordChannelType'] = _admit_record_channel_type(record_channel_type)
                except _Refused as _why:
                    raise _cls._refused('record_channel_type', record_channel_type, _why) from None
        _store['_wire'] = _wire

    return __init__


# class -> (the key its source was made for: see _base.init_key, its factory)

INITS = {
    'plivoxml_plus.elements.ssml.Break': ((False, (('strength', 'strength', 'strength', False, ('choices',)), ('time', 'time', 'time', False, ('remembers',)))), _ssml_Break),
    'plivoxml_plus.elements.ssml.Phoneme': ((False, (('content', 'content', None, True, ('remembers',)), ('alphabet', 'alphabet', 'alphabet', False, ('choices',)), ('ph', 'ph', 'ph', False, ('remembers',)))), _ssml_Phoneme),
    'plivoxml_plus.elements.ssml.SayAs': ((False, (('content', 'content', None, True, ('remembers',)), ('interpret_as', 'interpret_as', 'interpret-as', False, ('choices',)), ('format', 'format', 'format', False, ('choices',)))), _ssml_SayAs),
    'plivoxml_plus.elements.ssml.Sub': ((False, (('content', 'content', None, True, ('remembers',)), ('alias', 'alias', 'alias', False, ('remembers',)))), _ssml_Sub),
    'plivoxml_plus.elements.ssml.Text': ((False, (('content', 'content', None, True, ('remembers',)),)), _ssml_Text),
    'plivoxml_plus.elements.ssml.W': ((True, (('content', 'content', None, False, ('remembers',)), ('role', 'role', 'role', False, ('remembers',)))), _ssml_W),
    'plivoxml_plus.elements.ssml.Emphasis': ((True, (('content', 'content', None, False, ('remembers',)), ('level', 'level', 'level', False, ('choices',)))), _ssml_Emphasis),
    'plivoxml_plus.elements.ssml.Prosody': ((True, (('content', 'content', None, False, ('remembers',)), ('volume', 'volume', 'volume', False, ('remembers',)), ('rate', 'rate', 'rate', False, ('remembers',)), ('pitch', 'pitch', 'pitch', False, ('remembers',)))), _ssml_Prosody),
    'plivoxml_plus.elements.ssml.S': ((True, (('content', 'content', None, False, ('remembers',)),)), _ssml_S),
    'plivoxml_plus.elements.ssml.P': ((True, (('content', 'content', None, False, ('remembers',)),)), _ssml_P),
    'plivoxml_plus.elements.ssml.Lang': ((True, (('content', 'content', None, False, ('remembers',)), ('xmllang', 'xmllang', '{http://www.w3.org/XML/1998/namespace}lang', False, ('remembers',)))), _ssml_Lang),
    'plivoxml_plus.elements.ssml.Cont': ((True, (('content', 'content', None, True, ('remembers',)),)), _ssml_Cont),
    'plivoxml_plus.elements.companions.Play': ((False, (('content', 'content', None, True, ('remembers',)), ('loop', 'loop', 'loop', False, ('int', 0, 2147483647)))), _companions_Play),
    'plivoxml_plus.elements.companions.Speak': ((True, (('content', 'content', None, False, ('remembers',)), ('voice', 'voice', 'voice', False, ('remembers',)), ('language', 'language', 'language', False, ('remembers',)), ('loop', 'loop', 'loop', False, ('int', 0, 2147483647)))), _companions_Speak),
    'plivoxml_plus.elements.companions.Wait': ((False, (('length', 'length', 'length', False, ('int', 1, 2147483647)), ('silence', 'silence', 'silence', False, ('bool',)), ('min_silence', 'min_silence', 'minSilence', False, ('int', 1, 2147483647)), ('beep', 'beep', 'beep', False, ('bool',)))), _companions_Wait),
    'plivoxml_plus.elements.companions.Hangup': ((False, (('reason', 'reason', 'reason', False, ('choices',)), ('schedule', 'schedule', 'schedule', False, ('int', 1, 2147483647)))), _companions_Hangup),
    'plivoxml_plus.elements.companions.Redirect': ((False, (('content', 'content', None, True, ('remembers',)), ('method', 'method', 'method', False, ('choices',)))), _companions_Redirect),
    'plivoxml_plus.elements.conference.Conference': ((False, (('content', 'content', None, True, ('remembers',)), ('muted', 'muted', 'muted', False, ('bool',)), ('enter_sound', 'enter_sound', 'enterSound', False, ('words', 'remembers')), ('exit_sound', 'exit_sound', 'exitSound', False, ('words', 'remembers')), ('start_conference_on_enter', 'start_conference_on_enter', 'startConferenceOnEnter', False, ('bool',)), ('end_conference_on_exit', 'end_conference_on_exit', 'endConferenceOnExit', False, ('bool',)), ('stay_alone', 'stay_alone', 'stayAlone', False, ('bool',)), ('wait_sound', 'wait_sound', 'waitSound', False, ('remembers',)), ('max_members', 'max_members', 'maxMembers', False, ('int', 1, 20)), ('record', 'record', 'record', False, ('bool',)), ('record_file_format', 'record_file_format', 'recordFileFormat', False, ('choices',)), ('time_limit', 'time_limit', 'timeLimit', False, ('int', 0, 2147483647)), ('hangup_on_star', 'hangup_on_star', 'hangupOnStar', False, ('bool',)), ('action', 'action', 'action', False, ('remembers',)), ('method', 'method', 'method', False, ('choices',)), ('callback_url', 'callback_url', 'callbackUrl', False, ('remembers',)), ('callback_method', 'callback_method', 'callbackMethod', False, ('choices',)), ('digits_match', 'digits_match', 'digitsMatch', False, ('call',)), ('floor_event', 'floor_event', 'floorEvent', False, ('bool',)), ('redirect', 'redirect', 'redirect', False, ('bool',)), ('relay_dtmf', 'relay_dtmf', 'relayDTMF', False, ('bool',)), ('send_digits', 'send_digits', 'sendDigits', False, ('remembers',)), ('record_when_alone', 'record_when_alone', 'recordWhenAlone', False, ('bool',)), ('transcription_type', 'transcription_type', 'transcriptionType', False, ('choices',)), ('transcription_url', 'transcription_url', 'transcriptionUrl', False, ('remembers',)), ('transcription_method', 'transcription_method', 'transcriptionMethod', False, ('choices',)))), _conference_Conference),
    'plivoxml_plus.elements.dial.Number': ((False, (('content', 'content', None, True, ('remembers',)), ('send_digits', 'send_digits', 'sendDigits', False, ('remembers',)), ('send_on_preanswer', 'send_on_preanswer', 'sendOnPreanswer', False, ('bool',)), ('send_digits_mode', 'send_digits_mode', 'sendDigitsMode', False, ('choices',)))), _dial_Number),
    'plivoxml_plus.elements.dial.User': ((False, (('content', 'content', None, True, ('remembers',)), ('send_digits', 'send_digits', 'sendDigits', False, ('remembers',)), ('send_on_preanswer', 'send_on_preanswer', 'sendOnPreanswer', False, ('bool',)), ('sip_headers', 'sip_headers', 'sipHeaders', False, ('remembers',)))), _dial_User),
    'plivoxml_plus.elements.dial.Dial': ((True, (('action', 'action', 'action', False, ('remembers',)), ('method', 'method', 'method', False, ('choices',)), ('hangup_on_star', 'hangup_on_star', 'hangupOnStar', False, ('bool',)), ('time_limit', 'time_limit', 'timeLimit', False, ('int', 1, 2147483647)), ('timeout', 'timeout', 'timeout', False, ('int', 1, 2147483647)), ('caller_id', 'caller_id', 'callerId', False, ('remembers',)), ('caller_name', 'caller_name', 'callerName', False, ('remembers',)), ('confirm_sound', 'confirm_sound', 'confirmSound', False, ('remembers',)), ('confirm_timeout', 'confirm_timeout', 'confirmTimeout', False, ('int', 1, 2147483647)), ('confirm_key', 'confirm_key', 'confirmKey', False, ('remembers',)), ('dial_music', 'dial_music', 'dialMusic', False, ('words', 'remembers')), ('callback_url', 'callback_url', 'callbackUrl', False, ('remembers',)), ('callback_method', 'callback_method', 'callbackMethod', False, ('choices',)), ('redirect', 'redirect', 'redirect', False, ('bool',)), ('digits_match', 'digits_match', 'digitsMatch', False, ('call',)), ('digits_match_b_leg', 'digits_match_b_leg', 'digitsMatchBLeg', False, ('call',)), ('sip_headers', 'sip_headers', 'sipHeaders', False, ('remembers',)))), _dial_Dial),
    'plivoxml_plus.elements.gather.GetDigits': ((True, (('action', 'action', 'action', False, ('remembers',)), ('method', 'method', 'method', False, ('choices',)), ('timeout', 'timeout', 'timeout', False, ('int', 1, 2147483647)), ('digit_timeout', 'digit_timeout', 'digitTimeout', False, ('int', 1, 2147483647)), ('finish_on_key', 'finish_on_key', 'finishOnKey', False, ('remembers',)), ('num_digits', 'num_digits', 'numDigits', False, ('int', 1, 2147483647)), ('retries', 'retries', 'retries', False, ('int', 1, 2147483647)), ('redirect', 'redirect', 'redirect', False, ('bool',)), ('play_beep', 'play_beep', 'playBeep', False, ('bool',)), ('valid_digits', 'valid_digits', 'validDigits', False, ('remembers',)), ('invalid_digits_sound', 'invalid_digits_sound', 'invalidDigitsSound', False, ('remembers',)), ('log', 'log', 'log', False, ('bool',)))), _gather_GetDigits),
    'plivoxml_plus.elements.gather.GetInput': ((True, (('action', 'action', 'action', False, ('remembers',)), ('method', 'method', 'method', False, ('choices',)), ('input_type', 'input_type', 'inputType', False, ('choices',)), ('execution_timeout', 'execution_timeout', 'executionTimeout', False, ('int', 5, 60)), ('digit_end_timeout', 'digit_end_timeout', 'digitEndTimeout', False, ('words', 'int', 2, 10)), ('speech_end_timeout', 'speech_end_timeout', 'speechEndTimeout', False, ('words', 'int', 2, 10)), ('finish_on_key', 'finish_on_key', 'finishOnKey', False, ('remembers',)), ('num_digits', 'num_digits', 'numDigits', False, ('int', 1, 32)), ('speech_model', 'speech_model', 'speechModel', False, ('choices',)), ('hints', 'hints', 'hints', False, ('remembers',)), ('language', 'language', 'language', False, ('remembers',)), ('interim_speech_results_callback', 'interim_speech_results_callback', 'interimSpeechResultsCallback', False, ('remembers',)), ('interim_speech_results_callback_method', 'interim_speech_results_callback_method', 'interimSpeechResultsCallbackMethod', False, ('choices',)), ('log', 'log', 'log', False, ('bool',)), ('redirect', 'redirect', 'redirect', False, ('bool',)), ('profanity_filter', 'profanity_filter', 'profanityFilter', False, ('bool',)))), _gather_GetInput),
    'plivoxml_plus.elements.multiparty.MultiPartyCall': ((False, (('content', 'content', None, True, ('remembers',)), ('role', 'role', 'role', True, ('choices',)), ('max_duration', 'max_duration', 'maxDuration', False, ('int', 300, 28800)), ('max_participants', 'max_participants', 'maxParticipants', False, ('int', 2, 10)), ('record_min_member_count', 'record_min_member_count', 'recordMinMemberCount', False, ('int', 1, 2)), ('wait_music_url', 'wait_music_url', 'waitMusicUrl', False, ('remembers',)), ('wait_music_method', 'wait_music_method', 'waitMusicMethod', False, ('choices',)), ('wait_time', 'wait_time', 'waitTime', False, ('int', 0, 1800)), ('agent_hold_music_url', 'agent_hold_music_url', 'agentHoldMusicUrl', False, ('remembers',)), ('agent_hold_music_method', 'agent_hold_music_method', 'agentHoldMusicMethod', False, ('choices',)), ('customer_hold_music_url', 'customer_hold_music_url', 'customerHoldMusicUrl', False, ('remembers',)), ('customer_hold_music_method', 'customer_hold_music_method', 'customerHoldMusicMethod', False, ('choices',)), ('record', 'record', 'record', False, ('bool',)), ('record_participant_track', 'record_participant_track', 'recordParticipantTrack', False, ('bool',)), ('record_file_format', 'record_file_format', 'recordFileFormat', False, ('choices',)), ('recording_callback_url', 'recording_callback_url', 'recordingCallbackUrl', False, ('remembers',)), ('recording_callback_method', 'recording_callback_method', 'recordingCallbackMethod', False, ('choices',)), ('status_callback_events', 'status_callback_events', 'statusCallbackEvents', False, ('call',)), ('status_callback_url', 'status_callback_url', 'statusCallbackUrl', False, ('remembers',)), ('status_callback_method', 'status_callback_method', 'statusCallbackMethod', False, ('choices',)), ('stay_alone', 'stay_alone', 'stayAlone', False, ('bool',)), ('coach_mode', 'coach_mode', 'coachMode', False, ('bool',)), ('mute', 'mute', 'mute', False, ('bool',)), ('hold', 'hold', 'hold', False, ('bool',)), ('start_mpc_on_enter', 'start_mpc_on_enter', 'startMpcOnEnter', False, ('bool',)), ('end_mpc_on_exit', 'end_mpc_on_exit', 'endMpcOnExit', False, ('bool',)), ('enter_sound', 'enter_sound', 'enterSound', False, ('words', 'remembers')), ('enter_sound_method', 'enter_sound_method', 'enterSoundMethod', False, ('choices',)), ('exit_sound', 'exit_sound', 'exitSound', False, ('words', 'remembers')), ('exit_sound_method', 'exit_sound_method', 'exitSoundMethod', False, ('choices',)), ('on_exit_action_url', 'on_exit_action_url', 'onExitActionUrl', False, ('remembers',)), ('on_exit_action_method', 'on_exit_action_method', 'onExitActionMethod', False, ('choices',)), ('relay_dtmf_inputs', 'relay_dtmf_inputs', 'relayDTMFInputs', False, ('bool',)), ('start_recording_audio', 'start_recording_audio', 'startRecordingAudio', False, ('remembers',)), ('start_recording_audio_method', 'start_recording_audio_method', 'startRecordingAudioMethod', False, ('choices',)), ('stop_recording_audio', 'stop_recording_audio', 'stopRecordingAudio', False, ('remembers',)), ('stop_recording_audio_method', 'stop_recording_audio_method', 'stopRecordingAudioMethod', False, ('choices',)), ('transcript', 'transcript', 'transcript', False, ('bool',)), ('transcription_url', 'transcription_url', 'transcriptionUrl', False, ('remembers',)), ('wait_for_agent', 'wait_for_agent', 'waitForAgent', False, ('bool',)), ('record_coach_voice', 'record_coach_voice', 'recordCoachVoice', False, ('bool',)), ('ai_agent_stream_service_url', 'ai_agent_stream_service_url', 'aiAgentStreamServiceUrl', False, ('remembers',)), ('ai_agent_stream_content_type', 'ai_agent_stream_content_type', 'aiAgentStreamContentType', False, ('remembers',)), ('ai_agent_stream_status_callback_url', 'ai_agent_stream_status_callback_url', 'aiAgentStreamStatusCallbackUrl', False, ('remembers',)), ('ai_agent_stream_status_callback_method', 'ai_agent_stream_status_callback_method', 'aiAgentStreamStatusCallbackMethod', False, ('choices',)), ('ai_agent_stream_sampling_rate', 'ai_agent_stream_sampling_rate', 'aiAgentStreamSamplingRate', False, ('int', 1, 2147483647)), ('ai_agent_stream_extra_headers', 'ai_agent_stream_extra_headers', 'aiAgentStreamExtraHeaders', False, ('remembers',)))), _multiparty_MultiPartyCall),
    'plivoxml_plus.elements.signals.DTMF': ((False, (('content', 'content', None, True, ('remembers',)), ('async_', 'async_', 'async', False, ('bool',)))), _signals_DTMF),
    'plivoxml_plus.elements.signals.Message': ((False, (('content', 'content', None, True, ('remembers',)), ('src', 'src', 'src', False, ('remembers',)), ('dst', 'dst', 'dst', False, ('remembers',)), ('type', 'type', 'type', False, ('choices',)), ('callback_url', 'callback_url', 'callbackUrl', False, ('remembers',)), ('callback_method', 'callback_method', 'callbackMethod', False, ('choices',)))), _signals_Message),
    'plivoxml_plus.elements.signals.Stream': ((False, (('content', 'content', None, True, ('remembers',)), ('bidirectional', 'bidirectional', 'bidirectional', False, ('bool',)), ('audioTrack', 'audioTrack', 'audioTrack', False, ('choices',)), ('streamTimeout', 'streamTimeout', 'streamTimeout', False, ('int', 1, 2147483647)), ('statusCallbackUrl', 'statusCallbackUrl', 'statusCallbackUrl', False, ('remembers',)), ('statusCallbackMethod', 'statusCallbackMethod', 'statusCallbackMethod', False, ('choices',)), ('contentType', 'contentType', 'contentType', False, ('choices',)), ('extraHeaders', 'extraHeaders', 'extraHeaders', False, ('remembers',)), ('keepCallAlive', 'keepCallAlive', 'keepCallAlive', False, ('bool',)))), _signals_Stream),
    'plivoxml_plus.elements.preanswer.PreAnswer': ((True, ()), _preanswer_PreAnswer),
    'plivoxml_plus.elements.record.Record': ((False, (('action', 'action', 'action', False, ('remembers',)), ('method', 'method', 'method', False, ('choices',)), ('file_format', 'file_format', 'fileFormat', False, ('choices',)), ('redirect', 'redirect', 'redirect', False, ('bool',)), ('timeout', 'timeout', 'timeout', False, ('int', 1, 2147483647)), ('max_length', 'max_length', 'maxLength', False, ('int', 2, 2147483647)), ('play_beep', 'play_beep', 'playBeep', False, ('bool',)), ('finish_on_key', 'finish_on_key', 'finishOnKey', False, ('remembers',)), ('record_session', 'record_session', 'recordSession', False, ('bool',)), ('start_on_dial_answer', 'start_on_dial_answer', 'startOnDialAnswer', False, ('bool',)), ('transcription_type', 'transcription_type', 'transcriptionType', False, ('choices',)), ('transcription_url', 'transcription_url', 'transcriptionUrl', False, ('remembers',)), ('transcription_method', 'transcription_method', 'transcriptionMethod', False, ('choices',)), ('transcription_report_type', 'transcription_report_type', 'transcriptionReportType', False, ('choices',)), ('callback_url', 'callback_url', 'callbackUrl', False, ('remembers',)), ('callback_method', 'callback_method', 'callbackMethod', False, ('choices',)), ('record_channel_type', 'record_channel_type', 'recordChannelType', False, ('choices',)))), _record_Record),
}
