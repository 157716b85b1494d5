/**
 * The Japanese table: the union of its five parts (menus, play screens, class session, an
 * instructor's scenario library, the class debrief); each part owns its own top-level keys.
 */
import { classGame } from '../ja/classGame';
import { classWork } from '../ja/classWork';
import { classroom } from '../ja/classroom';
import { instructorClass } from '../ja/instructorClass';
import { library } from '../ja/library';
import { menus } from '../ja/menus';
import { play } from '../ja/play';
import { report } from '../ja/report';

export const translation = { ...menus, ...play, ...classroom, ...classGame, ...classWork, ...instructorClass, ...library, ...report };
