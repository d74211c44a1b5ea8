// The player fills the window (no app shell) but, like every (app) page, needs a signed-in person.
export { load } from '../(app)/+layout';
