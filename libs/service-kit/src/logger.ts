import pino, { type Logger, type LoggerOptions } from 'pino';
import { activeTraceId } from './tracing.ts';

/** pino JSON logs; every line carries the active trace id so logs and traces join up. */
export function loggerOptions(service: string, level = 'info'): LoggerOptions {
  return {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const traceId = activeTraceId();
      return traceId ? { traceId } : {};
    },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token'],
      censor: '[redacted]',
    },
    serializers: {
      // Access tokens may travel in a query string (the WebSocket handshake); never log them.
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        url: req.url.replace(/([?&](?:token|access_token|code)=)[^&]*/gi, '$1[redacted]'),
        id: req.id,
      }),
    },
  };
}

export function createLogger(service: string, level = 'info'): Logger {
  return pino(loggerOptions(service, level));
}
