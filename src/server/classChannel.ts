/** The presence channel a class's games tell its dashboard of their changes on (Redis pub/sub across processes). */
export const classChannel = (classCode: string): string => `class:${classCode}`;
