// Screens of the networking workflow: brainstorm, interviews, pitches. Each takes the app's
// context ({ call, main, show, toast, reloadPeople }) and renders into the main pane.

import { h, replaceChildren } from './dom.js';
import { formatWhen, kindLabel } from './format.js';
import { agendaRun } from './views/agenda.js';
import { brainstormView } from './views/brainstorm.js';
import { meetingView } from './views/meeting.js';
import { pitchesView, rehearsal } from './views/pitches.js';
import { opportunitiesView } from './views/opportunities.js';
import { questionBank } from './views/questions.js';

export async function showBrainstorm(ctx) {
  const [circles, people] = await Promise.all([ctx.call('list_circles'), ctx.call('list_people_summaries')]);
  replaceChildren(ctx.main, brainstormView({ circles, people, call: ctx.call, onAdded: () => ctx.reloadPeople() }));
}

export async function showMeetings(ctx) {
  const [meetings, questions] = await Promise.all([ctx.call('list_meetings', { personId: null }), ctx.call('list_questions')]);
  const again = () => showMeetings(ctx);
  const bankActions = {
    add: async (theme, text) => { await ctx.call('add_question', { theme, text }); await again(); },
    update: async (id, text) => { await ctx.call('update_question', { id, text }); await again(); ctx.toast('Question saved.'); },
    archive: async (id) => { await ctx.call('archive_question', { id }); await again(); },
  };
  const row = (m) => h('li', {},
    h('button', { type: 'button', class: 'meeting-row', onclick: () => ctx.show({ name: 'meeting', id: m.id }) },
      h('span', { class: 'person-name' }, m.title || `${kindLabel(m.kind)} with ${m.person.displayName}`),
      h('span', { class: 'person-detail' }, `${m.state.replace('_', ' ')}${m.scheduledAt ? ` · ${formatWhen(m.scheduledAt)}` : ''}`)));
  replaceChildren(ctx.main, h('div', { id: 'meetings' },
    h('h1', { class: 'page-title' }, 'Informational interviews'),
    h('p', { class: 'lede' }, 'A 20-30 minute conversation to learn about someone’s career and ask for advice, information and referrals — never a job. Plan one from a person’s page.'),
    meetings.length ? h('ul', { class: 'card meeting-list' }, meetings.map(row)) : h('p', { class: 'empty card' }, 'None yet. Open a person and choose “Plan an informational interview”.'),
    questionBank({ questions, actions: bankActions })));
}

export async function showMeeting(ctx, id) {
  const [meeting, me, bank, people, pitch] = await Promise.all([
    ctx.call('get_meeting', { id }), ctx.call('get_me'), ctx.call('list_questions'), ctx.call('list_people_summaries'), ctx.call('chosen_pitch'),
  ]);
  const reload = async () => showMeeting(ctx, id);
  const actions = {
    setState: async (newState, at) => { await ctx.call('set_meeting_state', { id, newState, at }); await ctx.followupsChanged(); await reload(); },
    prep: (step, done, note) => ctx.call('set_prep_step', { id, step, done, note }),
    saveDetails: async (details) => { await ctx.call('update_meeting', { id, details }); await ctx.followupsChanged(); await reload(); ctx.toast('Saved.'); },
    saveAgenda: async (items) => { await ctx.call('set_agenda', { id, items }); ctx.toast('Agenda saved.'); },
    suggestAgenda: () => ctx.call('suggested_agenda'),
    run: async (items) => {
      if (!items.length) throw new Error('Add a section to the agenda first.');
      await ctx.call('set_agenda', { id, items });
      replaceChildren(ctx.main, agendaRun({ title: meeting.title || `${kindLabel(meeting.kind)} with ${meeting.person.displayName}`, items, pitch, onExit: reload }));
    },
    addAir: async (input) => {
      const updated = await ctx.call('add_air', { meetingId: id, input });
      await ctx.reloadPeople();
      return updated;
    },
    removeAir: (airId) => ctx.call('remove_air', { id: airId }),
    draftRequest: async (input) => {
      // Your own name is asked for once, here, and kept for every later draft.
      const name = input.myName.trim();
      if (name && name !== me.displayName) {
        const { givenName, familyName, circle, organization, title, email, phone, linkedinUrl, howMet, notes, tags, cadenceDays, birthday } = me;
        const strength = me.strengthSet ? me.strength : null;
        const input = { displayName: name, givenName, familyName, circle, organization, title, email, phone, linkedinUrl, howMet, notes, tags, cadenceDays, birthday, strength };
        Object.assign(me, await ctx.call('update_person', { id: me.id, input }));
      }
      return ctx.call('draft_request', { input });
    },
    exportIcs: () => ctx.call('export_meeting_ics', { id }),
    openPerson: (personId) => ctx.show({ name: 'person', id: personId }),
  };
  replaceChildren(ctx.main, meetingView({ meeting, me, bank, people, pitch, actions }));
}

export async function showPitches(ctx, selectedId = null) {
  const [pitches, rate, chosen] = await Promise.all([ctx.call('list_pitches'), ctx.call('speaking_rate'), ctx.call('chosen_pitch')]);
  const selected = pitches.find((p) => p.id === selectedId) ?? null;
  const versions = selected ? await ctx.call('pitch_versions', { id: selected.id }) : [];
  const again = (id = selectedId) => showPitches(ctx, id);
  const actions = {
    select: (id) => again(id),
    time: (text, kind) => ctx.call('time_pitch', { text, kind }),
    add: async (input) => { const p = await ctx.call('add_pitch', { input }); await again(p.id); },
    save: async (input) => { await ctx.call('update_pitch', { id: selected.id, input }); await again(); ctx.toast('Saved; the earlier text is kept under Earlier versions.'); },
    remove: async () => { await ctx.call('delete_pitch', { id: selected.id }); await again(null); },
    restore: async (versionId) => { await ctx.call('restore_pitch_version', { id: selected.id, versionId }); await again(); },
    duplicate: async (audience) => { const p = await ctx.call('duplicate_pitch', { id: selected.id, audience }); await again(p.id); },
    setRate: async (wordsPerMinute) => { await ctx.call('set_speaking_rate', { wordsPerMinute }); await again(); },
    build: () => ctx.show({ name: 'pitch-builder' }),
    choose: async () => { await ctx.call('choose_pitch', { id: selected.id }); await again(); ctx.toast('Offered from now on in the “what you’re exploring” note and the interview introduction.'); },
    rehearse: async (pitch) => {
      const timing = await ctx.call('time_pitch', { text: pitch.text, kind: pitch.kind });
      replaceChildren(ctx.main, rehearsal({ pitch, timing, onExit: () => again() }));
    },
  };
  replaceChildren(ctx.main, pitchesView({ pitches, selected, versions, rate, chosenId: chosen?.id ?? null, actions }));
}

export async function showProgress(ctx) {
  // The charts are loaded the first time Progress is opened, not at start.
  const [{ progressView }, { goalsCard }, report, goals] = await Promise.all([
    import('./views/progress.js'), import('./views/goals.js'), ctx.call('progress_report'), ctx.call('list_goals'),
  ]);
  const again = () => showProgress(ctx);
  const actions = {
    add: async (input) => { await ctx.call('add_goal', { input }); await again(); },
    update: async (id, input) => { await ctx.call('update_goal', { id, input }); await again(); ctx.toast('Goal saved.'); },
    remove: async (id) => { await ctx.call('remove_goal', { id }); await again(); },
  };
  const view = progressView({ report });
  view.querySelector('.progress-grid').before(goalsCard({ goals, actions }));
  replaceChildren(ctx.main, view);
}

export async function showPitchBuilder(ctx) {
  const [{ pitchBuilderView }, audiences] = await Promise.all([import('./views/pitch-builder.js'), ctx.call('pitch_audiences')]);
  replaceChildren(ctx.main, pitchBuilderView({
    audiences,
    build: (prompts) => ctx.call('build_pitch', { prompts }),
    save: async (input) => {
      const pitch = await ctx.call('add_pitch', { input });
      await showPitches(ctx, pitch.id);
      ctx.toast('Saved as a pitch: edit it, time it, rehearse it.');
    },
    onCancel: () => ctx.show({ name: 'pitches' }),
  }));
}

export async function showOpportunities(ctx, includeClosed = false) {
  const [opportunities, organizations, targets, meetings] = await Promise.all([
    ctx.call('list_opportunities', { includeClosed }), ctx.call('list_organizations'), ctx.call('list_targets'),
    ctx.call('list_meetings', { personId: null }),
  ]);
  const again = () => showOpportunities(ctx, includeClosed);
  const actions = {
    add: async (input) => { await ctx.call('add_opportunity', { input }); await again(); },
    setStatus: async (id, status) => { await ctx.call('set_opportunity_status', { id, status }); await again(); },
    remove: async (id) => { await ctx.call('delete_opportunity', { id }); await again(); },
    setTarget: async (id, isTarget) => { await ctx.call('set_organization_target', { id, isTarget }); await again(); },
    openPerson: (id) => ctx.show({ name: 'person', id }),
    toggleClosed: () => showOpportunities(ctx, !includeClosed),
  };
  replaceChildren(ctx.main, opportunitiesView({ opportunities, searchPeople: (query) => ctx.call('search_people', { query }), organizations, targets, meetings, includeClosed, actions }));
}
