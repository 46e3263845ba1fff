import { academicLeavePhrases } from '../catalog/services/academic-leave.phrases';
import { correctEducationDocumentPhrases } from '../catalog/services/correct-education-document.phrases';
import { dormitoryPhrases } from '../catalog/services/dormitory.phrases';
import { duplicateHigherPhrases } from '../catalog/services/duplicate-higher.phrases';
import { duplicateSchoolPhrases } from '../catalog/services/duplicate-school.phrases';
import { duplicateTvetPhrases } from '../catalog/services/duplicate-tvet.phrases';
import { freeMealsPhrases } from '../catalog/services/free-meals.phrases';
import { incompleteEducationCertificatePhrases } from '../catalog/services/incomplete-education-certificate.phrases';
import { stateOrderCompetitionPhrases } from '../catalog/services/state-order-competition.phrases';
import { transferReinstatementPhrases } from '../catalog/services/transfer-reinstatement.phrases';
import { tvetAdmissionPhrases } from '../catalog/services/tvet-admission.phrases';
import type { ServiceId } from '../catalog/schema';
import type { ServicePhrases } from './phrase-types';

/** Every service's phrases; a service added to SERVICE_IDS without its file fails the type check here. */
export const SERVICE_PHRASES: Record<ServiceId, ServicePhrases> = {
  'duplicate-school': duplicateSchoolPhrases,
  'duplicate-tvet': duplicateTvetPhrases,
  'duplicate-higher': duplicateHigherPhrases,
  'correct-education-document': correctEducationDocumentPhrases,
  'academic-leave': academicLeavePhrases,
  'free-meals': freeMealsPhrases,
  'tvet-admission': tvetAdmissionPhrases,
  dormitory: dormitoryPhrases,
  'transfer-reinstatement': transferReinstatementPhrases,
  'incomplete-education-certificate': incompleteEducationCertificatePhrases,
  'state-order-competition': stateOrderCompetitionPhrases,
};
