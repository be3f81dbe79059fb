import englishMessages from 'ra-language-english';
import { enApp } from './en';
import { mergeMessages } from './merge';
import { resourceMessages } from './resourceMessages';

/** English: react-admin's pack and the app messages. Loaded only when a user switches to English. */
export const enMessages = mergeMessages(englishMessages, resourceMessages(enApp.resources, 'en'), enApp);
