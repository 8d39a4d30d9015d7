import type nb from './nb';

/** English. */
export default {
  appName: 'Digipuls',
  tagline: 'Does the information get through? How are we doing digitally?',
  loading: 'Loading …',
  skipToContent: 'Skip to content',
  signIn: {
    body: 'Sign in with your municipality account to see what Digipuls shows you.',
    button: 'Sign in',
    expired: 'Your session has expired. Please sign in again.',
    failed: 'Sign-in failed. Please try again.',
    state: 'The sign-in could not be verified (perhaps it was started in another tab). Please try again.',
    teamsFailed: 'Teams could not sign you in to Digipuls. Try again, or ask IT whether the app is approved in your municipality.',
    retry: 'Try again',
    detail: 'Technical detail: {{detail}}',
  },
  signOut: 'Sign out',
  language: 'Language',
  nav: { label: 'Main menu', home: 'Overview', reach: 'Reach', adoption: 'Adoption', surveys: 'Pulse surveys', nudges: 'Nudges', settings: 'Settings', privacy: 'Privacy', terms: 'Terms of use' },
  home: {
    heading: 'Hello, {{name}}',
    you: 'You',
    roles: 'Your roles',
    units: 'Your units',
    noUnit: 'You are not linked to a unit yet. The directory is refreshed from Entra ID every night.',
    next: 'What you can do here',
    staff: 'Digipuls meets you mostly in chat: short pulse surveys about the digital work environment, and tips on Teams and Viva Engage.',
  },
  roles: { Staff: 'Staff', Communicator: 'Communicator', UnitLead: 'Unit lead', AdoptionAdmin: 'Adoption admin', SafetyRep: 'Safety representative' },
  coming: {
    soon: 'Coming soon',
    reach: 'Send announcements to units and see how many received, read and acknowledged them – and where the information does not get through.',
    adoption: 'See which units have adopted Teams and Viva Engage, per channel and over time.',
    surveys: 'Short pulse surveys about the digital work environment, with results per unit that never expose a person, and "you said, we did".',
    nudges: 'Tips for staff who have not started, and alerts for unit leads – paced so nobody is nagged.',
    settings: 'Minimum group size, unit mapping, data sources and retention.',
  },
  privacy: {
    heading: 'Privacy: what happens with the answers?',
    intro: 'Digipuls is made to show how units and groups are doing – never to keep watch on individuals.',
    points: [
      'Your pulse survey answers are stored without names, apart from the record of who was asked and who has answered, without exact times and with nothing that links the two. Nobody can see who answered what.',
      'Results are only shown for groups where at least {{minGroupSize}} have answered, and so that a hidden unit cannot be worked out by subtraction. Free-text answers only show above the same threshold.',
      'Unit leads, communicators and safety representatives see results per unit – never single answers.',
      'Usage data from Teams and Viva Engage is counted per unit. Digipuls keeps no history of what any one person does.',
      'Only when an announcement asks you to confirm that you have read it is your acknowledgement recorded by name – and you are told so up front.',
      'Each kind of data has a retention period and is deleted when it ends. Your municipality is the data controller; you can ask to see what is stored about you.',
    ],
  },
  terms: {
    heading: 'Terms of use',
    points: [
      'Your municipality uses Digipuls to see whether information gets through, how Teams and Viva Engage are taken up, and how you are doing digitally.',
      'Answering pulse surveys is voluntary. Write "stop" in the chat with Digipuls if you do not want any more tips.',
      'Your municipality is the data controller and decides who has which role in Digipuls.',
      'Questions about Digipuls go to the IT or digitalisation department of your municipality.',
    ],
  },
  teamTab: {
    heading: 'Add Digipuls to this channel',
    body: 'The tab shows Digipuls to whoever opens it: announcements, Teams adoption and pulse surveys according to their roles. Choose Save to add the tab.',
  },
  back: 'Back',
  error: { title: 'Something went wrong', retry: 'Try again' },
} satisfies typeof nb;
