/**
 * The English table: the union of its five parts (menus, play screens, class session, an
 * instructor's scenario library, the class debrief); each part owns its own top-level keys.
 */
import { classGame } from '../en/classGame';
import { classWork } from '../en/classWork';
import { classroom } from '../en/classroom';
import { instructorClass } from '../en/instructorClass';
import { library } from '../en/library';
import { menus } from '../en/menus';
import { play } from '../en/play';
import { report } from '../en/report';

export const translation = { ...menus, ...play, ...classroom, ...classGame, ...classWork, ...instructorClass, ...library, ...report };
