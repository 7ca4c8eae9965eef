export * from './names';
export * from './messages';
export * from './routes';
export * from './message-payloads';
export * from './message-envelope.parser';
