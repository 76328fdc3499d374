/**
 * Said of every root list field. They are nullable so that a wrong argument (a malformed id, a `to`
 * before `from`) nulls only the field that received it: with a non-null root field, the error would
 * null the whole `data` and take every other root field of the request down with it.
 */
export const ROOT_LIST_FIELD_NOTE = ' Null, with the error, only when an argument is wrong: the other root fields of the request still answer.';
