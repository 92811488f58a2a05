"""The project's own equivalent of each of plivo-python's ``tests/xml`` modules.

plivo-python 4.59.6 (the latest in its repository) has 27 modules under
``tests/xml``, one per element (``test_dialElement`` is not among them: Dial is
tested through Number and User). Each test here makes the calls its module makes
(the constructors, the ``set_*`` chains, the ``add_*`` helpers, the same nesting),
with values of our own, valid ones where plivo-python's tests use placeholders this
package refuses (``<Play>This is test</Play>``, ``retries=True``...; each of those
is a row of the refusal table in docs/migration.md). The same code string builds
the document through plivo-python's ``plivoxml`` and through the drop-in, and the
two documents must be the same XML.

``scripts/plivo_python_suite.py PATH`` runs plivo-python's modules themselves on
the drop-in, given a copy of plivo-python's repository (CI has none).
"""

from __future__ import annotations

from typing import Any

import pytest
from plivo import exceptions as plivo_exceptions
from plivo import plivoxml as plivo_xml

from plivoxml_plus import ValidationError
from plivoxml_plus import plivoxml as ours
from tests.conftest import assert_same_xml, canonical, effective_tree, parse

# plivo-python 4.59.6's tests/xml modules, each with the test(s) below that stand for it.
PLIVO_PYTHON_MODULES = {
    "test_MultiPartyCallElement": ("test_multi_party_call_element", "test_multi_party_call_element_refusals"),
    "test_breakElement": ("test_break_element",),
    "test_conferenceElement": ("test_conference_element",),
    "test_contElement": ("test_cont_element",),
    "test_emphasisElement": ("test_emphasis_element",),
    "test_getDigitsElement": ("test_get_digits_element",),
    "test_getInputElement": ("test_get_input_element",),
    "test_hangupElement": ("test_hangup_element",),
    "test_langElement": ("test_lang_element",),
    "test_messageElement": ("test_message_element",),
    "test_numberElement": ("test_number_element",),
    "test_pElement": ("test_p_element",),
    "test_phonemeElement": ("test_phoneme_element",),
    "test_playElement": ("test_play_element",),
    "test_preAnswerElement": ("test_pre_answer_element",),
    "test_prosodyElement": ("test_prosody_element",),
    "test_recordElement": ("test_record_element",),
    "test_redirectElement": ("test_redirect_element",),
    "test_responseElement": ("test_response_element", "test_response_element_multi_party_call"),
    "test_sElement": ("test_s_element",),
    "test_sayAsElement": ("test_say_as_element",),
    "test_speakElement": ("test_speak_element",),
    "test_streamElement": ("test_stream_element", "test_stream_element_refusal"),
    "test_subElement": ("test_sub_element",),
    "test_userElement": ("test_user_element",),
    "test_wElement": ("test_w_element",),
    "test_waitElement": ("test_wait_element",),
}


def build(module: Any, code: str) -> str:
    """Run ``code`` with ``plivoxml`` bound to ``module``; the document it leaves in ``response``."""
    namespace: dict[str, Any] = {"plivoxml": module}
    exec(code, namespace)
    return str(namespace["response"].to_string(False))


def same_document(code: str) -> str:
    """Assert both libraries build the same XML from ``code``; the drop-in's document."""
    theirs, mine = build(plivo_xml, code), build(ours, code)
    assert_same_xml(mine, theirs)
    return mine


def test_every_plivo_python_module_has_an_equivalent():
    assert len(PLIVO_PYTHON_MODULES) == 27
    for module, tests in PLIVO_PYTHON_MODULES.items():
        for name in tests:
            assert callable(globals().get(name)), f"{module}: no {name}"


# -- the call-flow elements -----------------------------------------------------------


def test_conference_element():
    # every setter in a chain; plivo-python's module starts from ConferenceElement() with
    # no name and sets maxMembers=100 and recordWhenAlone="" (rows of the refusal table)
    code = """
response = plivoxml.ResponseElement().add(
    plivoxml.ConferenceElement('weekly-standup')
    .set_muted(True).set_enter_sound('').set_exit_sound('beep:2').set_start_conference_on_enter(False)
    .set_end_conference_on_exit(True).set_stay_alone(False).set_wait_sound('https://example.com/hold-music.xml')
    .set_max_members(12).set_record(True).set_record_file_format('wav').set_time_limit(1800)
    .set_hangup_on_star(True).set_action('https://example.com/conference/action').set_method('POST')
    .set_callback_url('https://example.com/conference/events').set_callback_method('POST')
    .set_digits_match('*9,#1').set_floor_event(True).set_redirect(False).set_relay_dtmf(False)
    .set_send_digits('w1234#').set_transcription_type('hybrid')
    .set_transcription_url('https://example.com/conference/transcript').set_transcription_method('GET')
)
"""
    mine = same_document(code)
    assert 'enterSound=""' in mine  # a Conference's "no sound" is the empty string
    # recordWhenAlone is the one boolean plivo-python writes as Python does (True): the
    # same setting, spelt otherwise (docs/migration.md)
    with_alone = code.replace(".set_relay_dtmf(False)", ".set_relay_dtmf(False).set_record_when_alone(True)")
    theirs, mine = build(plivo_xml, with_alone), build(ours, with_alone)
    assert parse(theirs)[0].get("recordWhenAlone") == "True"
    assert parse(mine)[0].get("recordWhenAlone") == "true"
    assert effective_tree(mine) == effective_tree(theirs)


def test_number_element():
    same_document("""
response = plivoxml.ResponseElement().add(
    plivoxml.DialElement(caller_id='14155550100', timeout=25).add(
        plivoxml.NumberElement('14155550123').set_send_digits('ww42#').set_send_on_preanswer(False)
        .set_send_digits_mode('rfc2833')
    )
)
""")


def test_user_element():
    same_document("""
response = plivoxml.ResponseElement().add(
    plivoxml.DialElement(action='https://example.com/dial/done', dial_music='real').add(
        plivoxml.UserElement('sip:reception@phone.plivo.com').set_send_digits('1w2')
        .set_send_on_preanswer(True).set_sip_headers('Desk=front,Floor=2')
    ).add_number('+442071838750')
)
""")


def test_get_digits_element():
    same_document("""
response = plivoxml.ResponseElement().add(
    plivoxml.GetDigitsElement().set_action('https://example.com/menu/choice').set_method('POST')
    .set_redirect(True).set_timeout(8).set_play_beep(True).set_finish_on_key('*').set_digit_timeout(3)
    .set_timeout(7).set_num_digits(4).set_retries(2).set_valid_digits('0123456789')
    .set_invalid_digits_sound('https://example.com/sounds/invalid.mp3').set_log(False)
    .add_speak(content='Enter your four digit PIN', voice='MAN', language='en-GB', loop=1)
    .add_play(content='https://example.com/sounds/tone.wav', loop=1)
)
""")


def test_get_input_element():
    # plivo-python's module uses executionTimeout=100, digitEndTimeout=50 and
    # speechEndTimeout=25 (Plivo documents 5-60 and 2-10 seconds) and a <Play> of text
    same_document("""
response = plivoxml.ResponseElement().add(
    plivoxml.GetInputElement().set_action('https://example.com/ivr/heard').set_method('POST')
    .set_input_type('dtmf speech').set_execution_timeout(20).set_digit_end_timeout(4)
    .set_speech_end_timeout(2).set_finish_on_key('#').set_num_digits(6).set_hints('billing,sales,support')
    .set_interim_speech_results_callback('https://example.com/ivr/partial')
    .set_interim_speech_results_callback_method('GET').set_log(True).set_redirect(True)
    .set_language('es-US').set_speech_model('phone_call').set_profanity_filter(True)
    .add_speak(content='Say or press the department you need', voice='WOMAN', language='en-US', loop=1)
    .add_play(content='https://example.com/sounds/listening.mp3', loop=2)
)
""")


def test_hangup_element():
    same_document("""
response = plivoxml.ResponseElement().add(plivoxml.HangupElement().set_reason('busy').set_schedule(30))
""")


def test_message_element():
    same_document("""
response = plivoxml.ResponseElement().add(
    plivoxml.MessageElement('Your table is ready').set_src('14155550100').set_dst('14155550111<14155550122')
    .set_type('sms').set_callback_url('https://example.com/sms/status').set_callback_method('POST')
)
""")


def test_play_element():
    same_document("""
response = plivoxml.ResponseElement().add(
    plivoxml.PlayElement('https://example.com/sounds/welcome.mp3').set_loop(3)
)
""")


def test_pre_answer_element():
    same_document("""
response = plivoxml.ResponseElement().add(
    plivoxml.PreAnswerElement()
    .add_speak(content='Connecting you now', voice='WOMAN', language='fr-FR', loop=1)
    .add_play(content='https://example.com/sounds/ring.mp3', loop=1)
    .add_wait(length=2, silence=False, min_silence=500, beep=False)
    .add_get_digits(
        action='https://example.com/early/pin', method='GET', timeout=4, digit_timeout=1, finish_on_key='#',
        num_digits=3, retries=1, redirect=False, play_beep=False, valid_digits='123', log=True,
        invalid_digits_sound='https://example.com/sounds/again.mp3',
    )
    .add_redirect(content='https://example.com/early/next', method='GET')
    .add_message(
        content='We are calling you back', src='14155550100', dst='14155550133', type='sms',
        callback_url='https://example.com/sms/status', callback_method='POST',
    )
    .add_dtmf(content='9w1', async_=False)
)
""")


def test_record_element():
    same_document("""
response = plivoxml.ResponseElement().add(
    plivoxml.RecordElement().set_action('https://example.com/voicemail/saved').set_method('POST')
    .set_file_format('mp3').set_redirect(True).set_timeout(5).set_max_length(120).set_play_beep(True)
    .set_finish_on_key('*#').set_record_session(False).set_start_on_dial_answer(False)
    .set_transcription_type('auto').set_transcription_url('https://example.com/voicemail/text')
    .set_transcription_method('POST').set_transcription_report_type('full')
    .set_callback_url('https://example.com/voicemail/ready').set_callback_method('POST')
    .set_record_channel_type('mono')
)
""")


def test_redirect_element():
    same_document("""
response = plivoxml.ResponseElement().add(
    plivoxml.RedirectElement('https://example.com/flows/after-hours').set_method('GET')
)
""")


def test_wait_element():
    same_document("""
response = plivoxml.ResponseElement().add(
    plivoxml.WaitElement().set_length(10).set_silence(True).set_min_silence(750).set_beep(False)
)
""")


def test_stream_element():
    same_document("""
response = plivoxml.ResponseElement().add(
    plivoxml.StreamElement(
        'wss://media.example.com/calls', bidirectional=True, audioTrack='inbound', streamTimeout=3600,
        statusCallbackUrl='https://example.com/stream/status', statusCallbackMethod='GET',
        contentType='audio/x-mulaw;rate=8000', extraHeaders='tenant=7,queue=2', keepCallAlive=True,
    )
)
""")


def test_stream_element_refusal():
    # plivo-python's second test: a str for bidirectional is refused, by both libraries
    with pytest.raises(plivo_exceptions.ValidationError):
        plivo_xml.StreamElement("wss://media.example.com/calls", bidirectional="yes")
    with pytest.raises(ValidationError, match="bidirectional"):
        ours.StreamElement("wss://media.example.com/calls", bidirectional="yes")  # type: ignore[arg-type]


# -- MultiPartyCall: plivo-python writes every default, the drop-in none -------------------

# plivo-python writes its own default where Plivo documents another (docs/migration.md)
RECORDING_CALLBACK_DEFAULTS = ("POST", "GET")  # (plivo-python's, Plivo's docs)


def same_effect(code: str) -> None:
    """Assert both documents make the platform do the same: every default filled in,
    the role's case folded, the one documented default disagreement aside."""
    theirs, mine = effective_tree(build(plivo_xml, code)), effective_tree(build(ours, code))
    for (tag, their_attributes, _), (_, my_attributes, _) in zip(theirs, mine, strict=True):
        if tag == "MultiPartyCall" and their_attributes.get("recordingCallbackMethod") != my_attributes.get(
            "recordingCallbackMethod"
        ):
            pair = (their_attributes.pop("recordingCallbackMethod"), my_attributes.pop("recordingCallbackMethod"))
            assert pair == RECORDING_CALLBACK_DEFAULTS
    assert mine == theirs


def test_multi_party_call_element():
    for code in (
        # the defaults alone
        "response = plivoxml.ResponseElement().add(plivoxml.MultiPartyCallElement(content='Lagos', role='Agent'))",
        # one optional attribute, the role in lower case
        """
response = plivoxml.ResponseElement().add(
    plivoxml.MultiPartyCallElement(content='Oslo', role='supervisor', enter_sound='beep:2')
)
""",
        # the builder chain
        """
response = plivoxml.ResponseElement().add(
    plivoxml.MultiPartyCallElement(content='Quito', role='customer').set_max_duration(3600)
    .set_max_participants(5).set_end_mpc_on_exit(False).set_customer_hold_music_url('https://example.com/hold.mp3')
    .set_coach_mode(True).set_on_exit_action_url('https://example.com/mpc/left').set_on_exit_action_method('POST')
    .set_stop_recording_audio('https://example.com/sounds/stop.mp3')
    .set_start_recording_audio('https://example.com/sounds/start.mp3').set_wait_time(15).set_transcript(False)
    .set_transcription_url('https://example.com/mpc/transcript')
)
""",
    ):
        same_effect(code)
    mine = ours.MultiPartyCallElement(content="Lagos", role="Agent")
    assert mine.xml_attributes() == {"role": "Agent"}  # only what is set is written


def test_multi_party_call_element_refusals():
    # plivo-python's validation tests: an unknown event group, and maxDuration under 300,
    # refused by both libraries, on construction and through a setter
    with pytest.raises(plivo_exceptions.ValidationError):
        plivo_xml.MultiPartyCallElement(content="Lima", role="agent", status_callback_events="queue-changes")
    with pytest.raises(ValidationError, match="statusCallbackEvents"):
        ours.MultiPartyCallElement(content="Lima", role="agent", status_callback_events="queue-changes")
    with pytest.raises(plivo_exceptions.ValidationError):
        plivo_xml.MultiPartyCallElement(content="Lima", role="customer").set_max_duration(120)
    with pytest.raises(ValidationError, match="maxDuration"):
        ours.MultiPartyCallElement(content="Lima", role="customer").set_max_duration(120)


# -- Response and its helpers --------------------------------------------------------------

RESPONSE_HELPERS = {
    "empty": "response = plivoxml.ResponseElement()",
    "add_conference": "response = plivoxml.ResponseElement().add_conference(content='support-room')",
    "add_dial": "response = plivoxml.ResponseElement().add_dial(time_limit=900)",
    "add_dtmf": "response = plivoxml.ResponseElement().add_dtmf(content='5#')",
    "add_get_digits": "response = plivoxml.ResponseElement().add_get_digits(timeout=9)",
    "add_get_input": "response = plivoxml.ResponseElement().add_get_input(execution_timeout=30)",
    "add_hangup": "response = plivoxml.ResponseElement().add_hangup(reason='rejected')",
    "add_message": "response = plivoxml.ResponseElement().add_message(content='Missed call from the clinic')",
    "add_play": "response = plivoxml.ResponseElement().add_play(content='https://example.com/sounds/beep.wav')",
    "add_pre_answer": "response = plivoxml.ResponseElement().add_pre_answer()",
    "add_record": "response = plivoxml.ResponseElement().add_record(action='https://example.com/recorded')",
    "add_redirect": "response = plivoxml.ResponseElement().add_redirect(content='https://example.com/step-two')",
    "add_wait": "response = plivoxml.ResponseElement().add_wait(length=4)",
    "speak, record, speak": """
response = plivoxml.ResponseElement()
response.add(plivoxml.SpeakElement('Leave your name and number, then press hash.'))
response.add(plivoxml.RecordElement(action='https://example.com/messages/new', max_length=45, finish_on_key='#'))
response.add(plivoxml.SpeakElement('We did not get a recording.'))
""",
}


@pytest.mark.parametrize("code", RESPONSE_HELPERS.values(), ids=list(RESPONSE_HELPERS))
def test_response_element(code):
    same_document(code)


def test_response_element_multi_party_call():
    # add_multi_party_call() switches both callback methods to GET in plivo-python only;
    # given explicitly, the two documents agree
    same_effect("""
response = plivoxml.ResponseElement().add_multi_party_call(
    content='escalations', role='customer', max_duration=7200, max_participants=4,
    wait_music_url='https://example.com/music/wait.mp3', wait_music_method='GET', wait_time=10,
    start_mpc_on_enter=False, record=True, record_file_format='mp3', mute=False, enter_sound='none',
    exit_sound='beep:2', hold=False, on_exit_action_url='https://example.com/mpc/exit',
    start_recording_audio='https://example.com/sounds/rec-on.mp3',
    stop_recording_audio='https://example.com/sounds/rec-off.mp3', transcript=True,
    transcription_url='https://example.com/mpc/words', status_callback_method='GET',
    recording_callback_method='GET',
)
""")


# -- Speak and SSML ------------------------------------------------------------------------


def test_speak_element():
    # plivo-python's module sets rate="x-high" and format="" (rows of the refusal table)
    same_document("""
response = plivoxml.ResponseElement().add(
    plivoxml.SpeakElement('Your order has shipped.').set_voice('Polly.Matthew').set_language('en-US').set_loop(2)
    .add_break(time='400ms')
    .add_emphasis('Tomorrow', level='moderate')
    .add_lang('Bonne journee', xmllang='fr-FR')
    .add_p('Track it online.')
    .add_phoneme('tomato', alphabet='x-sampa', ph='t@mA:toU')
    .add_prosody('Thanks for waiting', volume='soft', rate='slow', pitch='-5%')
    .add_s('Goodbye for now.')
    .add_say_as('2024-06-01', interpret_as='date', format='ymd')
    .add_sub('NASA', alias='National Aeronautics and Space Administration')
    .add_w('live', 'amazon:VB')
)
""")


def test_break_element():
    mine = same_document("""
response = plivoxml.ResponseElement().add(
    plivoxml.SpeakElement('Please hold', 'Polly.Salli')
    .add(plivoxml.BreakElement().set_strength('medium').set_time('2s'))
    .add_cont('while we find an agent')
)
""")
    assert "<cont>" not in mine


def test_cont_element():
    # text continued after SSML elements: the <cont> of plivo-python becomes the text
    # between spaces, in both libraries (plivo-python's module gives loop="2", a str)
    mine = same_document("""
response = plivoxml.ResponseElement().add(
    plivoxml.SpeakElement('Welcome back', voice='Polly.Brian', loop=3)
    .add_break(strength='weak')
    .add_emphasis('valued customer', level='reduced')
    .add_lang('gracias', xmllang='es-ES')
    .add_p('Here is your balance.')
    .add_phoneme('data', alphabet='ipa', ph='ˈdeɪtə')
    .add_prosody('one hundred dollars', volume='loud', rate='85%', pitch='+3%')
    .add_s('That is all.')
    .add_say_as('ABC', interpret_as='characters')
    .add_sub('Dr.', alias='Doctor')
    .add_w('present', 'amazon:SENSE_1')
    .add_cont('Have a nice day')
)
""")
    assert "<cont>" not in mine
    assert canonical(mine)[3][0][3][-1] == ("#tail", (), "Have a nice day", ())


def test_emphasis_element():
    same_document("""
response = plivoxml.ResponseElement().add(
    plivoxml.SpeakElement('', voice='Polly.Joanna').add(
        plivoxml.EmphasisElement().set_level('strong')
        .add_break(strength='x-weak')
        .add_lang('danke', xmllang='de-DE')
        .add_emphasis('really', level='moderate')
        .add_phoneme('either', alphabet='ipa', ph='ˈaɪðər')
        .add_prosody('slowly', rate='x-slow')
        .add_say_as('42', interpret_as='cardinal')
        .add_sub('km', alias='kilometres')
        .add_w('lead', 'amazon:VBD')
    )
)
""")


def test_lang_element():
    same_document("""
response = plivoxml.ResponseElement().add(
    plivoxml.SpeakElement('', voice='Polly.Celine').add(
        plivoxml.LangElement().set_xmllang('fr-CA')
        .add_break(strength='strong', time='1s')
        .add_emphasis('bienvenue', level='strong')
        .add_lang('hello', xmllang='en-GB')
        .add_p('Un paragraphe.')
        .add_phoneme('Montreal', alphabet='ipa', ph='mɔ̃ʁeal')
        .add_prosody('doucement', volume='x-soft', rate='slow', pitch='low')
        .add_s('Une phrase.')
        .add_say_as('514', interpret_as='digits')
        .add_sub('QC', alias='Quebec')
        .add_w('bass', 'amazon:SENSE_1')
    )
)
""")


def test_p_element():
    same_document("""
response = plivoxml.ResponseElement().add(
    plivoxml.SpeakElement('', voice='Polly.Amy').add(
        plivoxml.PElement()
        .add_break(strength='weak', time='300ms')
        .add_emphasis('Important', level='strong')
        .add_lang('ciao', xmllang='it-IT')
        .add_phoneme('route', alphabet='ipa', ph='ruːt')
        .add_prosody('read carefully', volume='medium', rate='fast', pitch='high')
        .add_s('First sentence.')
        .add_say_as('3', interpret_as='ordinal')
        .add_sub('St.', alias='Street')
        .add_w('wind', 'amazon:VB')
    )
)
""")


def test_phoneme_element():
    same_document("""
response = plivoxml.ResponseElement().add(
    plivoxml.SpeakElement('', voice='Polly.Joey').add(
        plivoxml.PhonemeElement('pecan').set_alphabet('ipa').set_ph('pɪˈkɑːn')
    )
)
""")


def test_prosody_element():
    same_document("""
response = plivoxml.ResponseElement().add(
    plivoxml.SpeakElement('', voice='Polly.Kendra').add(
        plivoxml.ProsodyElement().set_volume('+4dB').set_rate('120%').set_pitch('x-high')
        .add_break(strength='medium', time='750ms')
        .add_emphasis('urgent', level='strong')
        .add_lang('attention', xmllang='fr-FR')
        .add_p('A paragraph said faster.')
        .add_phoneme('gif', alphabet='ipa', ph='dʒɪf')
        .add_prosody('and quieter', volume='-6dB', rate='medium', pitch='default')
        .add_s('A sentence.')
        .add_say_as('1/2', interpret_as='fraction')
        .add_sub('approx.', alias='approximately')
        .add_w('object', 'amazon:VB')
    )
)
""")


def test_s_element():
    same_document("""
response = plivoxml.ResponseElement().add(
    plivoxml.SpeakElement('', voice='Polly.Ivy').add(
        plivoxml.SElement()
        .add_break(strength='none')
        .add_emphasis('now', level='moderate')
        .add_lang('hola', xmllang='es-MX')
        .add_phoneme('scone', alphabet='ipa', ph='skɒn')
        .add_prosody('a little louder', volume='x-loud', rate='x-fast', pitch='medium')
        .add_say_as('12:30', interpret_as='time')
        .add_sub('Mon', alias='Monday')
        .add_w('close', 'amazon:VB')
    )
)
""")


def test_say_as_element():
    # plivo-python's module sets format="application/ssml+xml", not a say-as format
    same_document("""
response = plivoxml.ResponseElement().add(
    plivoxml.SpeakElement('', voice='Polly.Emma').add(
        plivoxml.SayAsElement('0207 183 8750').set_interpret_as('telephone').set_format('dmy')
    )
)
""")


def test_sub_element():
    same_document("""
response = plivoxml.ResponseElement().add(
    plivoxml.SpeakElement('Brought to you by ').add(plivoxml.SubElement('IEEE').set_alias('I triple E'))
)
""")


def test_w_element():
    same_document("""
response = plivoxml.ResponseElement().add(
    plivoxml.SpeakElement('', voice='Polly.Justin').add(
        plivoxml.WElement('record').set_role('amazon:VB')
        .add_break(strength='x-strong')
        .add_emphasis('again', level='reduced')
        .add_phoneme('minute', alphabet='ipa', ph='maɪˈnjuːt')
        .add_prosody('softly', volume='soft', rate='slow', pitch='-2%')
        .add_say_as('7', interpret_as='number')
        .add_sub('min', alias='minute')
    )
)
""")
