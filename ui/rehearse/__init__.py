"""Rehearse mode: the phone plays the customer of the user's own bot, through the sandbox
(``composer.rehearsal``). ``controller`` drives it, ``book`` turns its events into the thread the
phone draws, ``bar`` holds its widgets; ``ui.window.rehearse_link`` puts it in the window."""
