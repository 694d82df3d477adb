// Rapport's window: wires the views to the commands and keeps what is shown in step with the store.
// Its parts: page.js (the fixed elements, toast, fatal error), state.js (what is loaded),
// sidebar.js (the people list and search), router.js (which view shows), actions.js (what the
// views' buttons do), shortcuts.js (keys and the palette), start.js (the start-up order).

import { showFatal } from './page.js';
import { show, wireNavigation } from './router.js';
import { wireSidebar } from './sidebar.js';
import { wireShortcuts } from './shortcuts.js';
import { start } from './start.js';

wireSidebar({ show });
wireNavigation();
wireShortcuts();

/** When the page reached each step of its start (ms since the epoch), for the log. */
const marks = { pageOpened: performance.timeOrigin, scriptStarted: Date.now() };

start(marks).catch(showFatal);
