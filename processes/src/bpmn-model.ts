// What the validator reads of a BPMN file is the engine's one reader (it owns BPMN): a file is
// parsed once into a BpmnDocument that validation, bpmnlint and deploy all use.
export {
  readBpmn, type BpmnDocument as BpmnModel, type ProcessModel, type UserTaskModel, type ExpressionUse, type CatchModel, type ModdleElement,
} from '@yizhan/engine';
