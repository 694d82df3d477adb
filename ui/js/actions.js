// What the views' buttons do: the command each sends, then what is loaded again and redrawn
// (adding and editing people, a follow-up done, dismissed or snoozed, a person's page), and the
// context the workflow screens are given.

import { call, callWithBytes } from './api.js';
import { forgetFace, rememberFace } from './faces.js';
import { main, search, toast } from './page.js';
import { renderSidebar } from './sidebar.js';
import { loadFollowups, loadPeople, state } from './state.js';

/** The actions, going to views with the router's `show` and `renderMain`: passed in, since the
 * router imports this module. */
export function viewActions({ show, renderMain }) {
  async function addPerson(input) {
    const person = await call('add_person', { input });
    await loadPeople();
    search.value = '';
    state.results = null;
    await show({ name: 'person', id: person.id });
    toast(`Added ${person.displayName}.`);
  }

  async function addCircle(name) {
    const circle = await call('add_circle', { name });
    state.circles = await call('list_circles');
    return circle;
  }

  async function updatePerson(id, input) {
    await call('update_person', { id, input });
    await loadPeople();
    await show({ name: 'person', id });
  }

  function followupActions() {
    const after = async () => { await loadFollowups(); await renderMain(); };
    return {
      done: async (id) => {
        const followup = await call('complete_followup', { id });
        await after();
        toast(`Done: ${followup.title}`, { label: 'Undo', run: async () => { await call('reopen_followup', { id }); await after(); } });
      },
      dismiss: async (id) => {
        const followup = await call('dismiss_followup', { id });
        await after();
        toast(`Dismissed: ${followup.title}`, { label: 'Undo', run: async () => { await call('reopen_followup', { id }); await after(); } });
      },
      snooze: async (id, snooze) => {
        const followup = await call('snooze_followup', { id, snooze });
        await after();
        toast(`Snoozed until ${new Date(followup.dueAt).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}.`);
      },
      add: async (input) => {
        await call('add_followup', { input });
        await after();
      },
      openPerson: (id) => show({ name: 'person', id }),
      draftNote: async (kind, { theirName, medium, ...asked }) => {
        const me = await call('get_me');
        const myName = me.displayName === 'Me' ? '' : me.displayName;
        if (kind === 'thank_you') return call('draft_thank_you', { theirName, myName, whatHelped: asked.whatHelped, medium, formalInterview: false });
        if (kind === 'follow_up') return call('draft_follow_up', { theirName, myName, update: asked.update, medium });
        return call('draft_referrer_update', { referrerName: theirName, myName, referredName: asked.referredName, howItHelped: asked.howItHelped, medium });
      },
    };
  }

  function personActions(person) {
    const reload = async () => { await Promise.all([loadPeople(), loadFollowups()]); renderSidebar(); await renderMain(); };
    return {
      ...followupActions(),
      edit: () => show({ name: 'edit-person', id: person.id }),
      archive: async (archived) => {
        await call('set_person_archived', { id: person.id, archived });
        await reload();
        toast(archived ? `Archived ${person.displayName}.` : `${person.displayName} is back in your list.`);
      },
      remove: async () => {
        await call('delete_person', { id: person.id });
        await Promise.all([loadPeople(), loadFollowups()]);
        await show({ name: 'today' });
        toast(`Deleted ${person.displayName}.`, {
          label: 'Undo',
          run: async () => {
            await call('restore_person', { id: person.id });
            await loadPeople();
            await loadFollowups();
            await show({ name: 'person', id: person.id });
          },
        });
      },
      // The page shows the new face at once; the list learns its new photo id.
      setPhoto: async (bytes) => {
        const info = await callWithBytes('set_person_photo', bytes, { 'rapport-person-id': String(person.id) });
        rememberFace(info.id, info.thumbnail);
        await loadPeople();
        renderSidebar();
        return info;
      },
      removePhoto: async () => {
        const old = state.people.find((p) => p.id === person.id)?.photo;
        await call('remove_person_photo', { id: person.id });
        if (old) forgetFace(old);
        await loadPeople();
        renderSidebar();
      },
      saveAddresses: (addresses) => call('set_person_addresses', { id: person.id, addresses }),
      sendCardAgain: (accountId) => call('send_card_again', { accountId, personId: person.id }),
      logInteraction: async (input) => { await call('log_interaction', { input }); await loadFollowups(); await renderMain(); },
      shareResource: async (input) => { await call('share_resource', { input }); await loadFollowups(); await renderMain(); toast('Shared: logged on their timeline.'); },
      planMeeting: async (kind) => {
        const meeting = await call('plan_meeting', { input: { personId: person.id, kind } });
        await show({ name: 'meeting', id: meeting.id });
      },
      openMeeting: (id) => show({ name: 'meeting', id }),
      addFollowup: async (input) => { await call('add_followup', { input }); await loadFollowups(); await renderMain(); },
    };
  }

  /** What "This week" on Today does: each action writes, then Today is drawn again so the item
   * ticks off (or leaves the plan). */
  function planActions() {
    const after = async () => { await loadFollowups(); await renderMain(); };
    return {
      done: async (item) => {
        await call('complete_followup', { id: item.followupId });
        await after();
        toast('Done.', { label: 'Undo', run: async () => { await call('reopen_followup', { id: item.followupId }); await after(); } });
      },
      draft: (item) => call('draft_exploring', { personId: item.person.id, medium: 'email' }),
      log: async (item) => {
        await call('log_interaction', { input: { personIds: [item.person.id], kind: 'message' } });
        await after();
        toast(`Logged a message to ${item.person.displayName}.`);
      },
      planInterview: async (item) => {
        const meeting = await call('plan_meeting', { input: { personId: item.person.id, kind: 'informational_interview' } });
        await show({ name: 'meeting', id: meeting.id });
      },
      setAside: async (item, how) => {
        await call('set_plan_item_aside', { id: item.id, how });
        await after();
        toast(how === 'next_week' ? 'Moved to next week.' : 'Taken off this week’s plan.');
      },
      openPerson: (id) => show({ name: 'person', id }),
      openMeeting: (id) => show({ name: 'meeting', id }),
      openProgress: () => show({ name: 'progress' }),
    };
  }

  /** What the workflow screens may use. */
  const context = {
    call,
    main,
    show,
    toast,
    reloadPeople: async () => { await loadPeople(); renderSidebar(); },
    followupsChanged: loadFollowups,
  };

  return { addPerson, addCircle, updatePerson, followupActions, personActions, planActions, context };
}
