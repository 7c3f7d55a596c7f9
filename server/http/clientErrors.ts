import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError, problemDocument } from '../errors.js';

/**
 * Node's HTTP parser refuses some requests before Express runs: headers or URL over 16 KB, malformed HTTP, a request
 * that took too long to arrive. Node would answer those with a bare status line; this answers them as problem+json
 * too, so a client sees the same kind of error whatever refused its request.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const problem = clientProblem(error.code);
    const body = JSON.stringify(problemDocument(problem));
    socket.end(
      `HTTP/1.1 ${problem.status} ${problem.title}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}

function clientProblem(code: string | undefined): AppError {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new AppError(431, 'Request header fields too large', 'The URL and headers together exceed 16 KB; send a shorter request.');
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return new AppError(408, 'Request timeout', 'The request did not arrive in time.');
  }
  return new AppError(400, 'Bad request', 'The request is not valid HTTP.');
}
