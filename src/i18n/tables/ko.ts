/**
 * The Korean table: the union of its five parts (menus, play screens, class session, an
 * instructor's scenario library, the class debrief); each part owns its own top-level keys.
 */
import { classGame } from '../ko/classGame';
import { classWork } from '../ko/classWork';
import { classroom } from '../ko/classroom';
import { instructorClass } from '../ko/instructorClass';
import { library } from '../ko/library';
import { menus } from '../ko/menus';
import { play } from '../ko/play';
import { report } from '../ko/report';

export const translation = { ...menus, ...play, ...classroom, ...classGame, ...classWork, ...instructorClass, ...library, ...report };
