// The demo people and their tokens, as the server seeds them (written down once, in the server).
export { DEMO_PERSON } from '../../server/demo-people';
