"""The rooms: ``conference`` (rules C1-C11) and ``mpc`` (rules M1-M8 of
docs/rules.md), each a state machine that seats calls on one bridge."""
