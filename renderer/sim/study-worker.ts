import * as Comlink from 'comlink';
import { studyApi } from './study-api.ts';

/**
 * The study worker: runs a run's or a comparison's orchestration (study-api.ts) off the page's
 * thread, with its own pool of simulation workers (nested dedicated workers).
 */
Comlink.expose(studyApi);
