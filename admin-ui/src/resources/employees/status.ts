export const EMPLOYEE_STATUSES = ['active', 'left'] as const;

export const employeeStatusChoices = EMPLOYEE_STATUSES.map((id) => ({ id, name: `cop.employee_status.${id}` }));
