import express, { type Router } from 'express';
import { z } from 'zod';
import { parseOrThrow } from '../../src/domain';
import type { AppServices } from '../services';
import { contextOf } from './context';

const noQuery = z.object({}).strict();

/** GET /todo: "Att göra" for the signed-in person (#18), derived from the data, never from the role alone. */
export function todoRouter(services: AppServices): Router {
  const router = express.Router();
  router.get('/todo', async (req, res) => {
    parseOrThrow(noQuery, req.query);
    const { caller, graph } = contextOf(res);
    res.json(
      await services.todo.forPerson(graph, services.graph.forApp(), {
        id: caller.person.id,
        email: caller.person.email,
        roles: caller.roles,
      }),
    );
  });
  return router;
}
