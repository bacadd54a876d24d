/** "Att göra": what waits for the signed-in person, read from the lists and derived by src/domain/todo.ts. */
export { TodoService, type TodoAnswer, type TodoSources } from './service';
