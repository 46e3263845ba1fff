import type { Service } from '../schema';
import { academicLeave } from './academic-leave';
import { correctEducationDocument } from './correct-education-document';
import { dormitory } from './dormitory';
import { duplicateHigher } from './duplicate-higher';
import { duplicateSchool } from './duplicate-school';
import { duplicateTvet } from './duplicate-tvet';
import { freeMeals } from './free-meals';
import { incompleteEducationCertificate } from './incomplete-education-certificate';
import { stateOrderCompetition } from './state-order-competition';
import { transferReinstatement } from './transfer-reinstatement';
import { tvetAdmission } from './tvet-admission';

/** One module per service; the order is the order citizens see. */
export const services: Service[] = [
  duplicateSchool,
  duplicateTvet,
  duplicateHigher,
  correctEducationDocument,
  academicLeave,
  freeMeals,
  tvetAdmission,
  dormitory,
  transferReinstatement,
  incompleteEducationCertificate,
  stateOrderCompetition,
];
