"""The XML examples of the seed page (shared/spec/seed-conferencing-xml.txt), copied
verbatim, keyed by the script in examples/ that builds each one.

Test data: tests/test_examples.py runs each script and compares what it prints
with the text here, whitespace aside.
"""

from __future__ import annotations

SEED_XML: dict[str, str] = {
    # -- Conference ---------------------------------------------------------------
    "conference_basic": """
<Response>
    <Conference>my-conference-room</Conference>
</Response>
""",
    "conference_join_muted": """
<Response>
    <Conference muted="true">my-conference-room</Conference>
</Response>
""",
    "conference_entry_exit_beeps": """
<Response>
    <Conference enterSound="beep:1" exitSound="beep:2">
        my-conference-room
    </Conference>
</Response>
""",
    "conference_enter_sound_url": """
<Response>
    <Conference enterSound="https://example.com/join-sound.xml">
        my-conference-room
    </Conference>
</Response>
""",
    "conference_moderated_participant": """
<Response>
    <Conference startConferenceOnEnter="false" waitSound="https://example.com/hold-music.xml">
        moderated-meeting
    </Conference>
</Response>
""",
    "conference_moderated_moderator": """
<Response>
    <Conference startConferenceOnEnter="true" endConferenceOnExit="true">
        moderated-meeting
    </Conference>
</Response>
""",
    "conference_record": """
<Response>
    <Conference record="true" recordFileFormat="mp3"
                callbackUrl="https://example.com/recording-ready/">
        recorded-meeting
    </Conference>
</Response>
""",
    "conference_transcription": """
<Response>
    <Conference record="true"
                transcriptionType="auto"
                transcriptionUrl="https://example.com/transcription/">
        transcribed-meeting
    </Conference>
</Response>
""",
    "conference_exit_action": """
<Response>
    <Conference action="https://example.com/conference-ended/"
                hangupOnStar="true">
        my-conference
    </Conference>
</Response>
""",
    "conference_bridge_first_caller": """
<Response>
    <Conference waitSound="https://example.com/hold.xml">
        private-bridge-123
    </Conference>
</Response>
""",
    "conference_bridge_second_caller": """
<Response>
    <Conference>private-bridge-123</Conference>
</Response>
""",
    # -- MultiPartyCall -----------------------------------------------------------
    "mpc_basic": """
<Response>
    <MultiPartyCall role="customer" maxDuration="10000">
        my-mpc-name
    </MultiPartyCall>
</Response>
""",
    "mpc_supervisor_coach": """
<Response>
    <MultiPartyCall role="Supervisor" coachMode="true">
        support-call-123
    </MultiPartyCall>
</Response>
""",
    "mpc_agent_joining": """
<Response>
    <MultiPartyCall role="Agent" startMpcOnEnter="true">
        support-call-123
    </MultiPartyCall>
</Response>
""",
    "mpc_customer_joining": """
<Response>
    <MultiPartyCall role="Customer">
        support-call-123
    </MultiPartyCall>
</Response>
""",
    "mpc_recording": """
<Response>
    <MultiPartyCall
        role="Agent"
        record="true"
        recordFileFormat="mp3"
        recordingCallbackUrl="https://example.com/recording-ready/">
        recorded-call
    </MultiPartyCall>
</Response>
""",
    # The seed shows this one as a bare element, without <Response> and without the
    # required role: see STATUS_CALLBACK_EXAMPLE and examples/mpc_status_callback_events.py.
    "mpc_status_callback_events": """
<MultiPartyCall
    statusCallbackUrl="https://example.com/mpc-events/"
    statusCallbackEvents="mpc-state-changes,participant-state-changes,participant-speak-events">
    my-mpc
</MultiPartyCall>
""",
    "mpc_on_exit_action": """
<Response>
    <MultiPartyCall
        role="Customer"
        onExitActionUrl="https://example.com/post-call-survey/"
        onExitActionMethod="POST">
        support-call
    </MultiPartyCall>
</Response>
""",
    "mpc_custom_hold_music": """
<Response>
    <MultiPartyCall
        role="Agent"
        agentHoldMusicUrl="https://example.com/agent-hold.xml"
        customerHoldMusicUrl="https://example.com/customer-hold.xml"
        waitMusicUrl="https://example.com/wait-music.xml">
        call-center-mpc
    </MultiPartyCall>
</Response>
""",
}

# The seed's snippet is a fragment: the script wraps it in <Response> and adds the
# role every <MultiPartyCall> needs; the test compares modulo exactly that.
STATUS_CALLBACK_EXAMPLE = "mpc_status_callback_events"
