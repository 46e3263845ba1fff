/** One step of a scripted conversation: a button pressed or a text typed. */
export type Step = { press: string } | { type: string };
/** What one step expects of the bot's answer (its messages joined). */
export type Check = [Step, RegExp?];

/**
 * A relative books a visit for a parent, in Russian, making the mistakes people make: a wrong IIN,
 * a foreign phone, a holiday typed as the date, and a correction at the summary. The days are those
 * bookable on Tuesday 8 December 2026 (Independence Day on the 16th).
 */
export const HOME_VISIT_BOOKING: Check[] = [
  [{ press: 'menu:home_visit' }, /Для кого вызываете сотрудника\?/],
  [{ press: 'hv:other' }, /Этот человек полностью или частично утратил возможность/],
  [{ press: 'hv:eligible:yes' }, /По какой услуге/],
  // The checklist asks no channel: the employee who comes is the State Corporation's.
  [{ press: 'hv:svc:duplicate-school' }, /Сначала ответьте на несколько вопросов[\s\S]*Кто подаёт заявление\?/],
  [{ press: 'ans:applicant:parent' }],
  [{ press: 'ans:reason:lost' }, /готово 0 из/],
  // The list opened by the booking goes back to it with one button.
  [{ press: 'menu:home_visit' }, /Продолжим запись[\s\S]*Ваши фамилия, имя и отчество \(вы оформляете вызов\)/],
  [{ type: 'Сапарова Айгерим' }, /К кому придёт сотрудник\?/],
  [{ type: 'Сапаров Болат Ержанович' }, /ИИН этого человека/],
  [{ type: '123456789012' }, /ИИН/],
  [{ type: '850520400003' }, /Кому позвонит сотрудник\?/],
  [{ press: 'q:phone_of:representative' }, /Номер телефона/],
  [{ type: '+1 202 555 0100' }, /\+7/],
  [{ type: '8 701 123 45 67' }, /По какому адресу/],
  [{ press: 'q:address:almaty' }],
  [{ type: 'проспект Абая' }],
  [{ type: '10' }],
  [{ press: 'q:skip' }],
  [{ press: 'q:skip' }],
  [{ press: 'q:skip' }, /Что важно знать сотруднику\?/],
  [{ press: 'q:needs:wheelchair' }],
  [{ press: 'q:skip' }, /согласны/],
  [{ press: 'q:consent:yes' }, /Телефон: \+7 701 123 45 67/],
  [{ press: 'q:edit:phone' }],
  [{ type: '+7 702 765 43 21' }, /Телефон: \+7 702 765 43 21/],
  [{ press: 'q:confirm' }, /Выберите день/],
  [{ type: '16 декабря' }, /праздник: День Независимости/],
  [{ type: '10.12' }, /10 декабря 2026 г\.: когда удобно\?/],
  [{ press: 'hv:win:morning' }, /Заявка на выезд сотрудника № HV-2026-\d{6}\.\nСотрудник придёт 10 декабря 2026 г\., до обеда\./],
];

/** The personal data typed in the booking, which no log line may carry. */
export const HOME_VISIT_PERSONAL = ['850520400003', '7011234567', '701 123 45 67', '7027654321', '702 765 43 21', 'проспект Абая', 'Сапаров Болат'];
